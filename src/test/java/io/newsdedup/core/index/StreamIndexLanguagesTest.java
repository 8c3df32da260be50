package io.newsdedup.core.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsdedup.core.article.Article;
import io.newsdedup.core.article.ArticleIds;
import io.newsdedup.core.article.Origin;
import io.newsdedup.core.fingerprint.Fingerprinting;
import io.newsdedup.core.index.StreamIndex.Kind;
import io.newsdedup.core.index.StreamIndex.Outcome;
import io.newsdedup.core.settings.MatchingSettings;
import io.newsdedup.testing.TestSettings;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The stream index as plain Java ({@link StreamIndex} over in-memory {@link IndexTables}), on
 * stories in German, Polish, Arabic and Chinese: a wire original, an aggregator repost of it, a
 * truncated reprint and an unrelated story of the same site. The copies join the original's cluster
 * whatever the order they arrive in, the other story stays apart, a second delivery is recognised,
 * and expiring the original leaves the copies together under a new canonical.
 */
class StreamIndexLanguagesTest {
  static final long DAY = 86_400_000L;

  record Story(
      String language,
      String title,
      List<String> paragraphs,
      String otherTitle,
      List<String> other,
      String wrapper) {}

  static Stream<Arguments> stories() {
    return Stream.of(
        Arguments.of(
            new Story(
                "de",
                "Hochwasser an der Oder: Tausende Menschen in Brandenburg evakuiert",
                List.of(
                    "Wegen des steigenden Hochwassers an der Oder haben die Behörden in Brandenburg"
                        + " am Dienstag mehrere tausend Menschen aus ihren Häusern geholt.",
                    "Der Pegel in Frankfurt an der Oder stieg nach Angaben des Landesumweltamtes"
                        + " bis zum Abend auf 6,12 Meter, so hoch wie seit dem Sommer 1997 nicht"
                        + " mehr.",
                    "Feuerwehr, Technisches Hilfswerk und Bundeswehr verstärkten die Deiche mit"
                        + " mehr als zweihunderttausend Sandsäcken entlang des Flusses.",
                    "Ministerpräsident Dietmar Woidke sprach von einer ernsten Lage und rief die"
                        + " Bewohner der Uferdörfer auf, den Anweisungen der Helfer zu folgen.",
                    "In Polen und Tschechien waren zuvor ganze Stadtteile überflutet worden; dort"
                        + " kamen nach offiziellen Angaben mindestens vierzehn Menschen ums Leben.",
                    "Meteorologen erwarten für das Wochenende trockeneres Wetter, warnen aber, dass"
                        + " der Scheitel der Flutwelle Brandenburg erst am Donnerstag erreicht."),
                "Stadtrat beschließt neuen Radweg entlang der Hauptstraße",
                List.of(
                    "Der Stadtrat hat am Montagabend mit großer Mehrheit den Bau eines neuen"
                        + " Radwegs entlang der Hauptstraße beschlossen.",
                    "Die Arbeiten sollen im kommenden Frühjahr beginnen und rund 1,8 Millionen Euro"
                        + " kosten, von denen das Land zwei Drittel übernimmt.",
                    "Anwohner hatten seit Jahren über gefährliche Situationen zwischen Autos und"
                        + " Radfahrern an der engen Kreuzung am Marktplatz geklagt."),
                "Dieser Artikel wurde automatisch von einer Nachrichtenseite übernommen. Den"
                    + " Originalartikel lesen Sie hier.")),
        Arguments.of(
            new Story(
                "pl",
                "Sejm uchwalił nowelizację ustawy o ochronie przyrody",
                List.of(
                    "Sejm uchwalił w piątek nowelizację ustawy o ochronie przyrody, która zaostrza"
                        + " kary za niszczenie siedlisk chronionych gatunków.",
                    "Za przyjęciem ustawy głosowało 245 posłów, przeciw było 198, a 9 wstrzymało"
                        + " się od głosu, poinformowała marszałkini Sejmu.",
                    "Nowe przepisy przewidują grzywny do pięciuset tysięcy złotych dla firm, które"
                        + " bez zezwolenia wycinają drzewa w parkach krajobrazowych.",
                    "Organizacje ekologiczne z zadowoleniem przyjęły zmiany, choć ich zdaniem"
                        + " ustawa nadal zbyt słabo chroni mokradła i torfowiska.",
                    "Ustawa trafi teraz do Senatu, który ma trzydzieści dni na jej rozpatrzenie,"
                        + " a następnie do podpisu prezydenta.",
                    "Przedstawiciele branży leśnej zapowiedzieli, że będą zabiegać o poprawki"
                        + " łagodzące przepisy dotyczące gospodarki drzewnej."),
                "Nowa linia tramwajowa połączy dworzec z osiedlem",
                List.of(
                    "Miasto podpisało umowę na budowę nowej linii tramwajowej, która połączy"
                        + " dworzec główny z największym osiedlem mieszkaniowym.",
                    "Inwestycja ma kosztować ponad 300 milionów złotych i zakończyć się za dwa"
                        + " lata, jeśli prace ruszą zgodnie z planem w marcu.",
                    "Mieszkańcy od lat skarżyli się na zatłoczone autobusy i korki na głównej"
                        + " ulicy prowadzącej do centrum."),
                "Zastrzeżenie: ten serwis automatycznie agreguje wiadomości. Przeczytaj"
                    + " oryginalny artykuł tutaj.")),
        Arguments.of(
            new Story(
                "ar",
                "زلزال بقوة 6.1 درجات يضرب جنوب تركيا دون أنباء عن ضحايا",
                List.of(
                    "ضرب زلزال بقوة 6.1 درجات على مقياس ريختر جنوب تركيا صباح الثلاثاء، وفق ما"
                        + " أعلنت هيئة إدارة الكوارث والطوارئ التركية.",
                    "وقالت الهيئة إن مركز الزلزال كان على عمق عشرة كيلومترات قرب مدينة أضنة،"
                        + " وشعر به سكان عدد من المحافظات المجاورة.",
                    "ولم ترد حتى الآن أنباء عن سقوط ضحايا، لكن فرق الإنقاذ انتشرت في القرى"
                        + " القريبة لتفقد المباني القديمة.",
                    "وأوقفت السلطات الدراسة في المدارس ليوم واحد كإجراء احترازي، وطلبت من"
                        + " السكان الابتعاد عن المباني المتضررة.",
                    "وتقع تركيا على عدد من الصدوع النشطة، وقد شهدت في عام 2023 زلزالا مدمرا"
                        + " أودى بحياة أكثر من خمسين ألف شخص.",
                    "وقال خبراء إن هزات ارتدادية قد تستمر خلال الأيام المقبلة، ودعوا إلى الالتزام"
                        + " بتعليمات الدفاع المدني."),
                "افتتاح معرض الكتاب الدولي بمشاركة ألف دار نشر",
                List.of(
                    "افتتح صباح اليوم معرض الكتاب الدولي في دورته الجديدة بمشاركة أكثر من ألف"
                        + " دار نشر من خمسين دولة.",
                    "ويستمر المعرض عشرة أيام ويتضمن ندوات وأمسيات شعرية وورش عمل للأطفال"
                        + " والشباب.",
                    "وقال المنظمون إنهم يتوقعون أكثر من مليوني زائر هذا العام بعد تمديد ساعات"
                        + " العمل في المساء."),
                "إخلاء مسؤولية: هذا الموقع يجمع الأخبار تلقائيا. اقرأ المقال الأصلي هنا.")),
        Arguments.of(
            new Story(
                "zh",
                "长江流域持续强降雨 多地启动防汛应急响应",
                List.of(
                    "受持续强降雨影响，长江中下游多个省份的河流水位快速上涨，湖北、安徽和江西等地已启动防汛应急响应。",
                    "水利部表示，长江干流武汉站水位周二晚间达到二十七点三米，超过警戒水位一点一米，预计未来三天仍将继续上涨。",
                    "当地政府已组织转移受威胁群众一万两千多人，并调集三千多名消防和武警官兵加固堤防。",
                    "气象部门预计，本周末前长江中下游仍有大到暴雨，部分地区累计降雨量可能超过两百毫米。",
                    "专家提醒，山区群众要特别防范山洪和泥石流等次生灾害，低洼地区的居民应及时撤离。",
                    "国家防总已派出工作组赶赴湖北和安徽，指导地方做好防汛抢险和受灾群众安置工作。"),
                "市图书馆新馆开放 首日接待读者上万人次",
                List.of(
                    "经过三年建设，市图书馆新馆于周六正式对外开放，首日接待读者超过一万人次。",
                    "新馆建筑面积约五万平方米，藏书三百万册，设有儿童阅览区和数字体验区。",
                    "馆方表示，新馆将延长开放时间至晚上十点，方便上班族下班后前来阅读。"),
                "免责声明：本站为自动聚合网站，内容来自互联网。点击此处阅读原文。")));
  }

  final MatchingSettings settings = TestSettings.matching();
  final Fingerprinting fingerprinting = settings.fingerprinting();

  Arrival arrival(String id, String source, String title, String body, long day) {
    Instant published = Instant.parse("2026-11-01T08:00:00Z").plusMillis(day * DAY);
    Article a =
        new Article(
            id,
            "https://" + source + "/" + id,
            source,
            title,
            body,
            published,
            Origin.ofMessage("m-" + id));
    return new Arrival(
        fingerprinting.of(a),
        "m-" + id,
        Arrival.contentHash(a),
        published.toEpochMilli(),
        null,
        Map.of());
  }

  /** original, repost, truncated reprint, other story; event days 0, 1, 2, 1. */
  List<Arrival> arrivals(Story s) {
    String text = String.join("\n\n", s.paragraphs());
    String repost = s.wrapper() + "\n\n" + text + "\n\n" + s.wrapper();
    String truncated = String.join("\n\n", s.paragraphs().subList(0, 4));
    return List.of(
        arrival(s.language() + "-wire", "apnews.com", s.title(), text, 0),
        arrival(s.language() + "-repost", "news-aggregator.example", s.title(), repost, 1),
        arrival(s.language() + "-reprint", "local-paper.example", s.title(), truncated, 2),
        arrival(
            s.language() + "-other",
            "local-paper.example",
            s.otherTitle(),
            String.join("\n\n", s.other()),
            1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stories")
  void copiesJoinTheOriginalInAnyOrder(Story s) {
    List<Arrival> in = arrivals(s);
    int[][] orders = {{0, 1, 2, 3}, {2, 1, 3, 0}, {3, 2, 0, 1}};
    for (int[] order : orders) {
      StreamIndex index = new StreamIndex(settings, Retention.FOREVER);
      IndexTables t = IndexTables.inMemory();
      for (int i : order) {
        Outcome o = index.arrive(t, in.get(i), 0);
        assertEquals(Kind.INDEXED, o.kind(), in.get(i).id());
        Decision own = o.decisions().get(o.decisions().size() - 1);
        assertEquals(in.get(i).id(), own.id());
      }
      String wire = s.language() + "-wire";
      String cluster = t.assignment(wire).clusterId();
      for (String copy : List.of("-repost", "-reprint")) {
        assertEquals(cluster, t.assignment(s.language() + copy).clusterId(), s.language() + copy);
        assertEquals(wire, t.assignment(s.language() + copy).canonicalId(), s.language() + copy);
      }
      assertTrue(t.assignment(wire).isCanonical());
      assertNotEquals(cluster, t.assignment(s.language() + "-other").clusterId());
      assertEquals(2, t.clusters().size());
      // A cluster keeps the id it was first given, from its first member, when its canonical
      // changes: downstream keeps one id per story whatever arrived first.
      assertEquals(ArticleIds.clusterId(in.get(order[0] == 3 ? order[1] : order[0]).id()), cluster);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stories")
  void aSecondDeliveryIsRecognisedAndAnotherTextUnderTheSameIdRefused(Story s) {
    List<Arrival> in = arrivals(s);
    StreamIndex index = new StreamIndex(settings, Retention.FOREVER);
    IndexTables t = IndexTables.inMemory();
    index.arrive(t, in.get(0), 0);
    Outcome again = index.arrive(t, in.get(0), 0);
    assertEquals(Kind.DUPLICATE_DELIVERY, again.kind());
    assertTrue(again.decisions().isEmpty());
    Arrival renamed =
        arrival(in.get(0).id(), "apnews.com", s.otherTitle(), String.join("\n\n", s.other()), 0);
    Outcome refused = index.arrive(t, renamed, 0);
    assertEquals(Kind.DUPLICATE_ID, refused.kind());
    assertTrue(refused.message().contains(in.get(0).id()), refused.message());
    assertEquals(1, t.ids().size());
    assertEquals(in.get(0).contentHash(), t.entries.get(in.get(0).id()).contentHash());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stories")
  void expiringTheOriginalLeavesTheCopiesTogether(Story s) {
    List<Arrival> in = arrivals(s);
    StreamIndex index = new StreamIndex(settings, Retention.parse("1d"));
    IndexTables t = IndexTables.inMemory();
    in.forEach(a -> index.arrive(t, a, 0));
    String wire = s.language() + "-wire";
    String cluster = t.assignment(wire).clusterId();
    long afterDay0 = in.get(0).eventTimeMillis() + DAY + DAY / 2;
    StreamIndex.Expiry x = index.expire(t, afterDay0);
    assertEquals(1, x.expired());
    assertNull(t.assignment(wire));
    String repost = s.language() + "-repost";
    String reprint = s.language() + "-reprint";
    assertEquals(t.assignment(repost).clusterId(), t.assignment(reprint).clusterId());
    assertEquals(cluster, t.assignment(repost).clusterId(), "the larger part keeps the id");
    assertNotEquals(wire, t.assignment(repost).canonicalId());
    // An article older than what was expired is decided but not indexed.
    Outcome late =
        index.arrive(
            t,
            arrival(
                s.language() + "-late",
                "x.example",
                s.title(),
                String.join("\n\n", s.paragraphs()),
                0),
            0);
    assertEquals(Kind.NOT_INDEXED, late.kind());
    assertEquals(cluster, late.decisions().get(late.decisions().size() - 1).clusterId());
    assertFalse(t.ids().contains(s.language() + "-late"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stories")
  void aStreamSeededFromABatchIndexKnowsItsStoriesAndTheirIds(Story s) {
    List<Arrival> in = arrivals(s);
    StreamIndex index = new StreamIndex(settings, Retention.FOREVER);
    IndexTables t = IndexTables.inMemory();
    Arrival wire = in.get(0);
    Arrival other = in.get(3);
    for (Arrival a : List.of(wire, other)) {
      Arrival seed =
          new Arrival(a.fingerprint(), "", Arrival.SEEDED, a.eventTimeMillis(), null, Map.of());
      Outcome o = index.seed(t, seed, "cl-batch-" + a.id());
      assertEquals(Kind.INDEXED, o.kind());
      assertTrue(o.decisions().isEmpty(), "a seed is not decided again");
    }
    assertEquals("cl-batch-" + wire.id(), t.assignment(wire.id()).clusterId());
    assertTrue(t.assignment(wire.id()).isCanonical());
    Outcome repost = index.arrive(t, in.get(1), 0);
    Decision d = repost.decisions().get(repost.decisions().size() - 1);
    assertEquals(Decision.DUPLICATE, d.status());
    assertEquals(wire.id(), d.canonicalId());
    assertEquals("cl-batch-" + wire.id(), d.clusterId(), "the story keeps its batch cluster id");
    assertEquals(1, d.seq(), "seeds take no decision numbers");
    // the batch's article published to the stream as well is known, whatever its text
    Outcome again = index.arrive(t, wire, 0);
    assertEquals(Kind.DUPLICATE_DELIVERY, again.kind(), again.message());
    assertEquals(3, t.ids().size());
  }
}
