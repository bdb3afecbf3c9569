package org.onedoor.backend.geography;

import java.util.Locale;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

@Controller
record PlaceController(Places places) {

  @MutationMapping
  Places.Result saveTownship(@Argument Places.Place input, Locale locale) {
    return places.saveTownship(input, locale);
  }

  @MutationMapping
  Places.Result saveVillage(@Argument Map<String, Object> input, Locale locale) {
    return places.saveVillage((String) input.get("townshipId"), new Places.Place((String) input.get("id"),
        (String) input.get("name"), (String) input.get("nameEn"), number(input.get("latitude")),
        number(input.get("longitude"))), locale);
  }

  @MutationMapping
  Places.Result deleteVillage(@Argument Map<String, Object> input, Locale locale) {
    return places.deleteVillage((String) input.get("villageId"), locale);
  }

  private static Double number(Object value) {
    return value instanceof Number n ? n.doubleValue() : null;
  }
}
