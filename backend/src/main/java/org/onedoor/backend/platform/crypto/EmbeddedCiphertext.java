package org.onedoor.backend.platform.crypto;

import org.bson.BsonBinary;
import org.bson.BsonBinarySubType;
import org.bson.BsonValue;
import org.springframework.data.mongodb.core.encryption.Encryption;
import org.springframework.data.mongodb.core.encryption.EncryptionOptions;

/**
 * The driver's encryption, with its ciphertext tagged as generic binary for the embedded store: mongo-java-server's
 * BSON decoder refuses the ciphertext subtype (6) and drops the connection. The bytes are the driver's, unchanged;
 * only the subtype byte differs, and it is set back to 6 before the driver decrypts. A real MongoDB gets subtype 6.
 */
final class EmbeddedCiphertext implements Encryption<BsonValue, BsonBinary> {

  private final Encryption<BsonValue, BsonBinary> driver;

  EmbeddedCiphertext(Encryption<BsonValue, BsonBinary> driver) {
    this.driver = driver;
  }

  @Override
  public BsonBinary encrypt(BsonValue value, EncryptionOptions options) {
    return new BsonBinary(BsonBinarySubType.BINARY, driver.encrypt(value, options).getData());
  }

  @Override
  public BsonValue decrypt(BsonBinary value) {
    return driver.decrypt(value.getType() == BsonBinarySubType.ENCRYPTED.getValue() ? value
        : new BsonBinary(BsonBinarySubType.ENCRYPTED, value.getData()));
  }
}
