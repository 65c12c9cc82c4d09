import express from 'express';
import { routerRoutes } from './routerRoutes';

describe('routerRoutes', () => {
  it('lists every route with its methods, and not the middleware', () => {
    const router = express.Router();
    router.use(express.json());
    router.get('/services', (_req, res) => res.end());
    router.post('/services/:id/remind', (_req, res) => res.end());
    router
      .route('/health')
      .get((_req, res) => res.end())
      .head((_req, res) => res.end());
    expect(routerRoutes(router)).toEqual([
      'GET /services',
      'POST /services/:id/remind',
      'GET /health',
      'HEAD /health',
    ]);
  });
});
