package org.onedoor.backend.geography;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo profile: the eleven real townships of Hulin City (虎林市), each with a few of its villages and approximate
 * map coordinates. Written only when missing, so demo data edited through the API survives a restart.
 */
@Component
@Profile("demo")
@Order(1)
class DemoTownships implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoTownships.class);

  private final TownshipRepository townships;

  DemoTownships(TownshipRepository townships) {
    this.townships = townships;
  }

  @Override
  public void run(ApplicationArguments args) {
    List<Township> missing = all().stream().filter(t -> !townships.existsById(t.id())).toList();
    townships.saveAll(missing);
    log.info("Demo townships: {} present, {} added", townships.count(), missing.size());
  }

  static List<Township> all() {
    return List.of(
        township(1, "hulin-town", "虎林镇", "Hulin Town", 45.7630, 132.9370,
            village("hulin-town-xingfu", "幸福社区", "Xingfu Community", 45.7675, 132.9401),
            village("hulin-town-xinhua", "新华村", "Xinhua Village", 45.7412, 132.9011),
            village("hulin-town-shengli", "胜利村", "Shengli Village", 45.7890, 132.9688)),
        township(2, "dongfanghong-town", "东方红镇", "Dongfanghong Town", 46.2450, 133.6350,
            village("dongfanghong-town-dongfanghong", "东方红村", "Dongfanghong Village", 46.2481, 133.6302),
            village("dongfanghong-town-hongqi", "红旗村", "Hongqi Village", 46.2233, 133.5987),
            village("dongfanghong-town-qingshan", "青山村", "Qingshan Village", 46.2710, 133.6655)),
        township(3, "yingchun-town", "迎春镇", "Yingchun Town", 46.0520, 133.3380,
            village("yingchun-town-yingchun", "迎春村", "Yingchun Village", 46.0553, 133.3351),
            village("yingchun-town-xinxing", "新兴村", "Xinxing Village", 46.0311, 133.3012),
            village("yingchun-town-fuxing", "复兴村", "Fuxing Village", 46.0802, 133.3721)),
        township(4, "hutou-town", "虎头镇", "Hutou Town", 45.9770, 133.6660,
            village("hutou-town-hutou", "虎头村", "Hutou Village", 45.9801, 133.6702),
            village("hutou-town-xinxing", "新兴村", "Xinxing Village", 45.9623, 133.6398),
            village("hutou-town-kouan", "口岸村", "Kou'an Village", 45.9902, 133.6911)),
        township(5, "yanggang-town", "杨岗镇", "Yanggang Town", 45.8870, 133.0440,
            village("yanggang-town-yanggang", "杨岗村", "Yanggang Village", 45.8902, 133.0401),
            village("yanggang-town-dongsheng", "东升村", "Dongsheng Village", 45.8711, 133.0722),
            village("yanggang-town-xinglong", "兴隆村", "Xinglong Village", 45.9055, 133.0135)),
        township(6, "dongcheng-town", "东诚镇", "Dongcheng Town", 45.6630, 132.8650,
            village("dongcheng-town-dongcheng", "东诚村", "Dongcheng Village", 45.6661, 132.8612),
            village("dongcheng-town-xinglin", "杏林村", "Xinglin Village", 45.6455, 132.8320),
            village("dongcheng-town-yongfeng", "永丰村", "Yongfeng Village", 45.6872, 132.8955)),
        township(7, "baodong-town", "宝东镇", "Baodong Town", 45.6560, 133.0780,
            village("baodong-town-baodong", "宝东村", "Baodong Village", 45.6589, 133.0741),
            village("baodong-town-dongsheng", "东胜村", "Dongsheng Village", 45.6388, 133.1022),
            village("baodong-town-qianjin", "前进村", "Qianjin Village", 45.6771, 133.0455)),
        township(8, "xinle-township", "新乐乡", "Xinle Township", 45.7240, 132.7920,
            village("xinle-township-xinle", "新乐村", "Xinle Village", 45.7266, 132.7889),
            village("xinle-township-yongan", "永安村", "Yong'an Village", 45.7081, 132.7655),
            village("xinle-township-hexing", "合兴村", "Hexing Village", 45.7452, 132.8177)),
        township(9, "weiguang-township", "伟光乡", "Weiguang Township", 45.8330, 132.8830,
            village("weiguang-township-weiguang", "伟光村", "Weiguang Village", 45.8362, 132.8801),
            village("weiguang-township-hongxing", "红星村", "Hongxing Village", 45.8144, 132.8512),
            village("weiguang-township-xinfeng", "新丰村", "Xinfeng Village", 45.8521, 132.9103)),
        township(10, "zhenbaodao-township", "珍宝岛乡", "Zhenbaodao Township", 46.0840, 133.8340,
            village("zhenbaodao-township-zhenbaodao", "珍宝岛村", "Zhenbaodao Village", 46.0871, 133.8302),
            village("zhenbaodao-township-xinglong", "兴隆村", "Xinglong Village", 46.0655, 133.8011),
            village("zhenbaodao-township-yuejin", "跃进村", "Yuejin Village", 46.1033, 133.8612)),
        township(11, "abei-township", "阿北乡", "Abei Township", 46.1390, 133.0560,
            village("abei-township-abei", "阿北村", "Abei Village", 46.1422, 133.0521),
            village("abei-township-xinsheng", "新生村", "Xinsheng Village", 46.1205, 133.0233),
            village("abei-township-wanjin", "万金村", "Wanjin Village", 46.1587, 133.0844)));
  }

  private static Township township(int rank, String id, String name, String nameEn, double lat, double lon,
      Village... villages) {
    return new Township(id, name, nameEn, rank, new Coordinates(lat, lon), List.of(villages));
  }

  private static Village village(String id, String name, String nameEn, double lat, double lon) {
    return new Village(id, name, nameEn, new Coordinates(lat, lon));
  }
}
