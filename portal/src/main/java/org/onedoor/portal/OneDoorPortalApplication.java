package org.onedoor.portal;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The OneDoor portal: Vaadin Flow views over the backend's GraphQL API. */
@SpringBootApplication
@ConfigurationPropertiesScan
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/onedoor.css")
public class OneDoorPortalApplication implements AppShellConfigurator {

  public static void main(String[] args) {
    SpringApplication.run(OneDoorPortalApplication.class, args);
  }

  @Override
  public void configurePage(AppShellSettings settings) {
    settings.addMetaTag("viewport", "width=device-width, initial-scale=1");
  }
}
