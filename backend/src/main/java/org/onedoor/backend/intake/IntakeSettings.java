package org.onedoor.backend.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One-door intake settings ({@code onedoor.intake.*}).
 *
 * @param anonymousPerHour how many anonymous submissions one client may make per hour
 */
@ConfigurationProperties("onedoor.intake")
public record IntakeSettings(@DefaultValue("10") int anonymousPerHour) {
}
