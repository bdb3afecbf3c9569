package org.onedoor.backend;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The OneDoor backend: GraphQL API, embedded authorization server, MongoDB store. Each feature package is a module
 * (Spring Modulith, verified by ModularityTest); platform is the module they all share.
 */
@SpringBootApplication
@org.springframework.modulith.Modulithic(sharedModules = "platform")
@ConfigurationPropertiesScan
@org.springframework.scheduling.annotation.EnableScheduling
public class OneDoorBackendApplication {

  public static void main(String[] args) {
    SpringApplication.run(OneDoorBackendApplication.class, args);
  }
}
