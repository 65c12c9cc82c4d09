/** The part of an Express router {@link routerRoutes} reads: its stack of layers. */
export interface RouterWithStack {
  stack: unknown[];
}

interface RouteLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

/**
 * Every route an Express router declares, as `METHOD /path` (`GET /services/:id`), in the order
 * they were added: for tests that hold a README's endpoint table to the router.
 *
 * @param router - an Express router
 */
export function routerRoutes(router: RouterWithStack): string[] {
  return (router.stack as RouteLayer[]).flatMap(layer =>
    layer.route
      ? Object.keys(layer.route.methods).map(
          method => `${method.toUpperCase()} ${layer.route!.path}`,
        )
      : [],
  );
}
