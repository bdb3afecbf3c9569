package org.onedoor.backend.geography;

import java.util.List;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class TownshipController {

  private final Geography geography;

  TownshipController(Geography geography) {
    this.geography = geography;
  }

  @QueryMapping
  List<Township> townships() {
    return geography.townships();
  }
}
