package org.onedoor.backend.privacy;

/** What a guardian asks about their child's data. */
public enum GuardianRequestKind {
  /** To see everything OneDoor holds about the child (PIPL art. 45). */
  SEE,
  /** To have something corrected (art. 46): staff correct the file, whose history keeps the change. */
  CORRECT,
  /** To have it erased (art. 47), where the law allows; else refused with the reason. */
  ERASE
}
