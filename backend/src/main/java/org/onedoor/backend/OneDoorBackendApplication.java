package org.onedoor.backend;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The OneDoor backend: GraphQL API, embedded authorization server, MongoDB store. */
@SpringBootApplication
@ConfigurationPropertiesScan
@org.springframework.scheduling.annotation.EnableScheduling
public class OneDoorBackendApplication {

  public static void main(String[] args) {
    SpringApplication.run(OneDoorBackendApplication.class, args);
  }
}
