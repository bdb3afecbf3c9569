package org.onedoor.backend.platform.mongo;

/**
 * When the embedded store acknowledges a write. See docs/decisions/005-durable-embedded-store.md.
 */
enum Durability {
  /** Forced to the disk (fsync) before the reply: survives a process kill, a power cut and an OS crash. */
  FSYNC,
  /** Written to the file before the reply: survives a process kill, not an OS crash or power cut. */
  COMMIT,
  /** MVStore's own background commit about once a second: the last second of writes may be lost. Tests only. */
  NONE
}
