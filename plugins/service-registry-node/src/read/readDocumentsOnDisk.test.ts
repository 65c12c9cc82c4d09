import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readDocumentsOnDisk } from './readDocumentsOnDisk';

describe('readDocumentsOnDisk', () => {
  it('pairs each document with the file of its name in the folder, if there is one', async () => {
    const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'docs-'));
    try {
      await fs.writeFile(path.join(folder, 'SERVICES.md'), 'old text\n');
      const documents = await readDocumentsOnDisk(folder, [
        { name: 'SERVICES.md', content: 'new text\n' },
        { name: 'TOPOLOGY.md', content: 'graph\n' },
      ]);
      expect(documents).toEqual([
        {
          name: 'SERVICES.md',
          content: 'new text\n',
          path: path.join(folder, 'SERVICES.md'),
          current: 'old text\n',
        },
        {
          name: 'TOPOLOGY.md',
          content: 'graph\n',
          path: path.join(folder, 'TOPOLOGY.md'),
        },
      ]);
      // a folder that does not exist holds none of them
      expect(
        (
          await readDocumentsOnDisk(path.join(folder, 'missing'), [
            { name: 'SERVICES.md', content: '' },
          ])
        )[0].current,
      ).toBeUndefined();
    } finally {
      await fs.rm(folder, { recursive: true, force: true });
    }
  });
});
