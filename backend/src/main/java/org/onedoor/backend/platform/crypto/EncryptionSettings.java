package org.onedoor.backend.platform.crypto;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How personal fields are encrypted at rest (the driver's explicit client-side field-level encryption): the master
 * key that wraps the data keys, and where the data keys live.
 *
 * @param keyFile the local master key (96 random bytes), created owner-only at the first start when missing
 *     ({@code ONEDOOR_MASTER_KEY_FILE}); keep it out of the data directory and out of its backups
 * @param previousKeyFiles earlier local master keys, still read while the data keys are re-wrapped under the current
 *     one at start (key rotation); remove them once the start has logged the rotation
 * @param kmsProvider where the master key lives: {@code local} (the key file) or a KMS the driver knows ({@code aws},
 *     {@code azure}, {@code gcp}, {@code kmip}), for production
 * @param kms the KMS provider's credentials (e.g. {@code accessKeyId}, {@code secretAccessKey}), unused for local
 * @param masterKey the KMS's description of the master key (e.g. {@code region}, {@code key}), unused for local
 * @param keyVaultCollection the collection holding the wrapped data keys, in the application's database
 * @param genericCiphertext store ciphertext tagged as generic binary rather than as ciphertext (subtype 6), for a
 *     mongo-java-server, whose decoder refuses subtype 6; unset: so on the embedded store only
 */
@ConfigurationProperties("onedoor.encryption")
public record EncryptionSettings(
    @DefaultValue("./keys/onedoor-master.key") Path keyFile,
    @DefaultValue List<Path> previousKeyFiles,
    @DefaultValue("local") String kmsProvider,
    @DefaultValue Map<String, String> kms,
    @DefaultValue Map<String, String> masterKey,
    @DefaultValue("encryption_keys") String keyVaultCollection,
    Boolean genericCiphertext) {

  public EncryptionSettings {
    previousKeyFiles = previousKeyFiles == null ? List.of() : List.copyOf(previousKeyFiles);
    kms = kms == null ? Map.of() : Map.copyOf(kms);
    masterKey = masterKey == null ? Map.of() : Map.copyOf(masterKey);
    if (!kmsProvider.equals("local") && !List.of("aws", "azure", "gcp", "kmip").contains(kmsProvider)) {
      throw new IllegalArgumentException("onedoor.encryption.kms-provider must be local, aws, azure, gcp or kmip");
    }
  }

  /** Whether the master key is the local key file. */
  public boolean local() {
    return kmsProvider.equals("local");
  }

  @Override
  public String toString() {
    return "EncryptionSettings[" + kmsProvider + ", " + keyVaultCollection + "]";
  }
}
