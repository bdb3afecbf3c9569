package org.onedoor.backend.geography;

import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.repository.MongoRepository;

interface TownshipRepository extends MongoRepository<Township, String> {

  List<Township> findAllBy(Sort sort);

  List<Township> findByIdIn(Collection<String> ids);

  List<Township> findByVillagesIdIn(Collection<String> villageIds);
}
