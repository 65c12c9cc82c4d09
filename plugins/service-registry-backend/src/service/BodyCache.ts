import { SerializedBody } from './SerializedBody';

/**
 * The serialised answers of one snapshot that are asked for by key (a service's neighbourhood,
 * say), kept while they fit: the least recently sent ones go first once the bodies kept exceed
 * `maxBytes` (their uncompressed size; a body larger than that is made but not kept). The pages
 * asked for most, such as those of the services everything depends on, are then answered without
 * walking, serialising or compressing again, and with their ETag (`304` for a client that has it).
 */
export class BodyCache {
  private readonly bodies = new Map<string, SerializedBody>();
  private bytes = 0;

  /** @param maxBytes - the most bytes of bodies kept */
  constructor(private readonly maxBytes: number) {}

  /**
   * The body of a key: the kept one (now the most recently used), else made and kept.
   *
   * @param key - what the body answers
   * @param make - makes it
   */
  get(key: string, make: () => SerializedBody): SerializedBody {
    const kept = this.bodies.get(key);
    if (kept) {
      this.bodies.delete(key);
      this.bodies.set(key, kept);
      return kept;
    }
    const body = make();
    const size = body.bytes.length;
    if (size <= this.maxBytes) {
      this.bodies.set(key, body);
      this.bytes += size;
      for (const [oldest, old] of this.bodies) {
        if (this.bytes <= this.maxBytes) break;
        this.bodies.delete(oldest);
        this.bytes -= old.bytes.length;
      }
    }
    return body;
  }

  /** How many bodies are kept, and their bytes (uncompressed). */
  get size(): { bodies: number; bytes: number } {
    return { bodies: this.bodies.size, bytes: this.bytes };
  }
}
