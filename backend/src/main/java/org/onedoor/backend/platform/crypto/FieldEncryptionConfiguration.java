package org.onedoor.backend.platform.crypto;

import com.mongodb.ClientEncryptionSettings;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.client.vault.ClientEncryption;
import com.mongodb.client.vault.ClientEncryptions;
import org.onedoor.backend.platform.mongo.MongoSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.mongodb.autoconfigure.MongoProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.convert.encryption.MongoEncryptionConverter;
import org.springframework.data.mongodb.core.encryption.EncryptionKey;
import org.springframework.data.mongodb.core.encryption.EncryptionKeyResolver;
import org.springframework.data.mongodb.core.encryption.MongoClientEncryption;

/**
 * Personal fields ({@link PersonalData}) are encrypted by the driver before they leave the process, on the embedded
 * store and on MongoDB alike: explicit encryption with libmongocrypt ({@code mongodb-crypt}), one data key kept
 * wrapped in the key vault collection, the master key from configuration. See docs/decisions/012.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EncryptionSettings.class)
class FieldEncryptionConfiguration {

  @Bean(destroyMethod = "close")
  ClientEncryption clientEncryption(MongoConnectionDetails connection, MongoProperties client, MongoSettings mongo,
      EncryptionSettings settings) {
    MasterKeys keys = MasterKeys.from(settings);
    ConnectionString store = connection.getConnectionString();
    // The application's database, as its templates choose it: the key vault lives beside the data it unlocks.
    String database = client.getDatabase() != null ? client.getDatabase()
        : store.getDatabase() != null ? store.getDatabase() : mongo.database();
    MongoClientSettings.Builder vault = MongoClientSettings.builder().applyConnectionString(store);
    if (!mongo.embedded()) {
      vault.writeConcern(WriteConcern.MAJORITY);
    }
    ClientEncryption encryption = ClientEncryptions.create(ClientEncryptionSettings.builder()
        .keyVaultMongoClientSettings(vault.build())
        .keyVaultNamespace(database + "." + settings.keyVaultCollection())
        .kmsProviders(keys.providers())
        .build());
    try {
      new DataKeys(encryption, keys, vault.build(), database, settings.keyVaultCollection()).prepare();
    } catch (RuntimeException e) {
      encryption.close();
      throw e;
    }
    return encryption;
  }

  /** Spring Data's converter for the fields marked {@link PersonalData}: encrypts on write and query, decrypts on read. */
  @Bean
  MongoEncryptionConverter personalDataConverter(ClientEncryption encryption, MongoSettings mongo,
      EncryptionSettings settings) {
    MongoClientEncryption driver = MongoClientEncryption.just(encryption);
    boolean generic = settings.genericCiphertext() == null ? mongo.embedded() : settings.genericCiphertext();
    return new MongoEncryptionConverter(generic ? new EmbeddedCiphertext(driver) : driver,
        EncryptionKeyResolver.annotated(context -> EncryptionKey.keyAltName(PersonalData.KEY)));
  }
}
