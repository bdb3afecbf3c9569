package org.onedoor.backend.platform.crypto;

import org.springframework.data.mongodb.core.EncryptionAlgorithms;

/**
 * Personal data is encrypted at rest by the driver (explicit client-side field-level encryption under the data key
 * {@link #KEY}): a stored field is marked {@code @ExplicitEncrypted(algorithm = PersonalData.FINDABLE)} or
 * {@code (algorithm = PersonalData.SEALED)}, chosen per field in docs/decisions/012.
 */
public final class PersonalData {

  /** The alternative name of the data key that encrypts personal fields (the key an unnamed field uses). */
  public static final String KEY = "onedoor-personal-data";

  /**
   * Encrypted deterministically, for a value OneDoor looks up by equality (an ID number, a child's whole name): the
   * same value gives the same ciphertext, so equal values can be told equal in the store.
   */
  public static final String FINDABLE = EncryptionAlgorithms.AEAD_AES_256_CBC_HMAC_SHA_512_Deterministic;

  /** Encrypted at random, for a value never looked up (an address, a phone, a note): equal values look different. */
  public static final String SEALED = EncryptionAlgorithms.AEAD_AES_256_CBC_HMAC_SHA_512_Random;

  private PersonalData() {
  }
}
