package org.onedoor.backend.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo register's size and seed: the same seed always makes the same register.
 *
 * @param children how many children's files to generate (0 = none)
 * @param seed the random seed
 * @param allowInProduction whether {@code demo} may run together with {@code prod} (demo accounts with a published
 *     password in a production start): false unless said explicitly; checked by identity's ProductionGuard
 */
@ConfigurationProperties("onedoor.demo")
public record DemoSettings(@DefaultValue("2000") int children, @DefaultValue("2018") long seed,
    boolean allowInProduction) {
}
