import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readDocumentsOnDisk } from './readDocumentsOnDisk';

describe('readDocumentsOnDisk', () => {
  it('reads the file of each name in the folder, if there is one', async () => {
    const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'docs-'));
    try {
      await fs.writeFile(path.join(folder, 'SERVICES.md'), 'old text\n');
      const documents = await readDocumentsOnDisk(folder, [
        'SERVICES.md',
        'TOPOLOGY.md',
      ]);
      expect(documents).toEqual([
        {
          name: 'SERVICES.md',
          path: path.join(folder, 'SERVICES.md'),
          current: 'old text\n',
        },
        {
          name: 'TOPOLOGY.md',
          path: path.join(folder, 'TOPOLOGY.md'),
        },
      ]);
      // a folder that does not exist holds none of them
      expect(
        (
          await readDocumentsOnDisk(path.join(folder, 'missing'), [
            'SERVICES.md',
          ])
        )[0].current,
      ).toBeUndefined();
    } finally {
      await fs.rm(folder, { recursive: true, force: true });
    }
  });
});
