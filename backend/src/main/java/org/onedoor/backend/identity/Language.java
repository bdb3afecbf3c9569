package org.onedoor.backend.identity;

/** The languages the portal speaks; Chinese is the default. */
public enum Language {
  ZH_CN,
  EN
}
