package org.onedoor.backend.oversight;

import java.util.Locale;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
record OversightController(Indicators indicators) {

  @QueryMapping
  Indicators.Dashboard oversight(@Argument Indicators.OversightInput input, Locale locale) {
    return indicators.dashboard(input, locale);
  }
}
