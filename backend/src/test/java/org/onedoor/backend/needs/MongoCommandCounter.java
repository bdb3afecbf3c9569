package org.onedoor.backend.needs;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Counts the commands the driver sends, to prove a page costs a fixed number of round trips. */
@TestConfiguration(proxyBeanMethods = false)
class MongoCommandCounter {

  static final AtomicInteger READS = new AtomicInteger();

  @Bean
  MongoClientSettingsBuilderCustomizer countReads() {
    return settings -> settings.addCommandListener(new CommandListener() {
      @Override
      public void commandStarted(CommandStartedEvent event) {
        if (event.getCommandName().equals("find") || event.getCommandName().equals("aggregate")
            || event.getCommandName().equals("count")) {
          READS.incrementAndGet();
        }
      }
    });
  }
}
