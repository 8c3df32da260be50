package io.newsdedup.eval.generate;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * The fictional publishers, aggregators and scraper sites that carry generated copies, and the
 * people named in bylines, sign-offs and photo credits. Only the three wire agencies are real
 * names.
 */
final class Outlets {
  private Outlets() {}

  /** What an outlet is. */
  enum Type {
    AGENCY,
    PAPER,
    AGGREGATOR,
    SCRAPER
  }

  /**
   * One outlet.
   *
   * @param name display name, also the {@code source} of its articles
   * @param domain web host without "www."
   * @param place home town or region, for local angles ("Harbor City")
   * @param offset UTC offset its timestamps are written in
   * @param language language it publishes in ("any" for aggregators and scrapers)
   * @param syndicated for papers: its articles arrive through the syndication feed
   * @param template for aggregators: which boilerplate template it uses
   */
  record Outlet(
      String name,
      String domain,
      String place,
      ZoneOffset offset,
      String language,
      Type type,
      boolean syndicated,
      String template) {

    /** Slug of the name (of the domain for a name without Latin or Cyrillic letters). */
    String slug() {
      String s = Texts.slug(name, 6);
      return s.equals("item") && domain != null
          ? Texts.slug(domain.substring(0, Math.max(1, domain.indexOf('.'))), 6)
          : s;
    }

    /** True when it can carry a story in {@code lang}. */
    boolean speaks(String lang) {
      return "any".equals(language) || language.equals(lang);
    }
  }

  private static Outlet agency(String name, String domain, String offset) {
    return new Outlet(name, domain, null, ZoneOffset.of(offset), "any", Type.AGENCY, false, null);
  }

  private static Outlet paper(
      String name, String domain, String place, String offset, String lang, boolean syndicated) {
    return new Outlet(
        name, domain, place, ZoneOffset.of(offset), lang, Type.PAPER, syndicated, null);
  }

  private static Outlet aggregator(String name, String domain, String offset, String template) {
    return new Outlet(
        name, domain, null, ZoneOffset.of(offset), "any", Type.AGGREGATOR, false, template);
  }

  private static Outlet scraper(String name, String domain, String offset) {
    return new Outlet(name, domain, null, ZoneOffset.of(offset), "any", Type.SCRAPER, false, null);
  }

  static final List<Outlet> AGENCIES =
      List.of(
          agency("AP", "apnews.com", "-05:00"),
          agency("Reuters", "reuters.com", "Z"),
          agency("AFP", "afp.com", "+01:00"));

  static final List<Outlet> PAPERS =
      List.of(
          paper(
              "Harbor City Gazette", "harborcitygazette.com", "Harbor City", "-05:00", "en", false),
          paper("The Midland Courier", "midlandcourier.com", "Midland", "-06:00", "en", false),
          paper("Northern Ledger", "northernledger.co.uk", "Northgate", "Z", "en", false),
          paper(
              "Pacific Standard Times",
              "pacificstandardtimes.com",
              "Bayview",
              "-08:00",
              "en",
              false),
          paper("The Lakeshore Herald", "lakeshoreherald.com", "Lakeshore", "-05:00", "en", true),
          paper("Valley Sentinel", "valleysentinel.com", "Cedar Valley", "-07:00", "en", false),
          paper(
              "The Capital Observer", "capitalobserver.com", "Capital City", "-05:00", "en", false),
          paper("Eastbridge Evening Post", "eastbridgepost.co.uk", "Eastbridge", "Z", "en", true),
          paper(
              "The Southern Cross Chronicle",
              "southerncrosschronicle.com.au",
              "Port Alder",
              "+10:00",
              "en",
              false),
          paper("Maple Ridge Tribune", "mapleridgetribune.ca", "Maple Ridge", "-05:00", "en", true),
          paper(
              "The Riverside Daily",
              "riversidedaily.com",
              "Riverside Falls",
              "-06:00",
              "en",
              false),
          paper(
              "Continental Daily Review",
              "continentalreview.eu",
              "Brussels",
              "+01:00",
              "en",
              false),
          paper("The Highveld Times", "highveldtimes.co.za", "Pretoria", "+02:00", "en", false),
          paper("Coromandel Express", "coromandelexpress.in", "Chennai", "+05:30", "en", true),
          paper("Gulf Morning Star", "gulfmorningstar.ae", "Dubai", "+04:00", "en", false),
          paper(
              "The Kauri Coast Advocate",
              "kauricoastadvocate.co.nz",
              "Kauri Coast",
              "+13:00",
              "en",
              false),
          paper("Prairie Examiner", "prairieexaminer.com", "Prairie County", "-06:00", "en", true),
          paper(
              "The Atlantic Shore Journal",
              "atlanticshorejournal.com",
              "Atlantic Shore",
              "-04:00",
              "en",
              false),
          paper("Equator Post", "equatorpost.sg", "Singapore", "+08:00", "en", false),
          paper("The Ironbridge Mercury", "ironbridgemercury.co.uk", "Ironbridge", "Z", "en", true),
          paper(
              "Copper County Record",
              "coppercountyrecord.com",
              "Copper County",
              "-07:00",
              "en",
              false),
          paper("The Andean Tribune", "andeantribune.com", "Los Andes", "-03:00", "en", false),
          paper("El Heraldo del Valle", "elheraldodelvalle.co", "el Valle", "-05:00", "es", false),
          paper("Diario La Costa", "diariolacosta.com", "la Costa", "-05:00", "es", true),
          paper(
              "La Voz del Altiplano",
              "lavozdelaltiplano.com",
              "el Altiplano",
              "-04:00",
              "es",
              false),
          paper("Степной вестник", "stepnoyvestnik.kz", "Степной край", "+05:00", "ru", false),
          paper("Вечерний курьер", "vecherniy-kurier.ru", "город", "+03:00", "ru", true),
          paper("Деловая неделя", "delovaya-nedelya.ru", "регион", "+03:00", "ru", false));

  /** The aggregator whose identical long header and footer wrap the distractor stories. */
  static final Outlet BOILERPLATE_AGGREGATOR =
      aggregator("HeadlineHarvest", "headlineharvest.net", "Z", "harvest");

  static final List<Outlet> AGGREGATORS =
      List.of(
          aggregator("DailyNewsPulse", "dailynewspulse.net", "+05:30", "clickhere"),
          aggregator("WorldHeadlineHub", "worldheadlinehub.com", "Z", "sourcelink"),
          aggregator("NewsTrendBuzz", "newstrendbuzz.info", "-04:00", "fullstory"),
          aggregator("TheGlobalByte", "theglobalbyte.org", "+01:00", "newsletter"),
          aggregator("HeadlineStream24", "headlinestream24.com", "+03:00", "clickhere"),
          aggregator("InstaNewsDesk", "instanewsdesk.co", "+08:00", "sourcelink"),
          aggregator("MorningFeedDigest", "morningfeeddigest.com", "-05:00", "googlenews"),
          aggregator("NewsroomMirror", "newsroommirror.net", "+02:00", "fullstory"),
          BOILERPLATE_AGGREGATOR);

  static final List<Outlet> SCRAPERS =
      List.of(
          scraper("NewsCrawl Daily", "newscrawldaily.com", "Z"),
          scraper("TopStory Feed", "topstoryfeed.net", "-05:00"),
          scraper("Informed Citizen News", "informedcitizen.news", "-06:00"),
          scraper("Headline Vault", "headlinevault.com", "+01:00"),
          scraper("Press Digest Online", "pressdigestonline.com", "+05:30"));

  static final List<String> REPORTERS =
      List.of(
          "Amina Otieno",
          "Daniel Okafor",
          "Sofía Restrepo",
          "Kenji Watanabe",
          "Priya Raman",
          "Tomás Herrera",
          "Ingrid Solberg",
          "Marek Nowak",
          "Lerato Mokoena",
          "Hannah Whitfield",
          "Oliver Brandt",
          "Fatima Al-Sayed",
          "Nguyen Thi Lan",
          "Aleksei Sorokin",
          "Grace Mensah",
          "Rafael Duarte",
          "Claire Dubois",
          "Siddharth Menon",
          "Emily Carrow",
          "Jonas Lindqvist",
          "Ayşe Demir",
          "Mateo Castillo",
          "Chloé Marchand",
          "Yusuf Bello");

  static final List<String> EDITORS =
      List.of(
          "Mark Heinrich",
          "Susan Pell",
          "Jonathan Oatis",
          "Kim Aldridge",
          "Paul Simao",
          "Rosalind Keane",
          "David Gregorio",
          "Tomasz Janowski",
          "Alison Williams",
          "Bernadette Baum");

  static final List<String> PHOTOGRAPHERS =
      List.of(
          "Luis Acosta",
          "Mia Kovač",
          "Samuel Eze",
          "Haruto Mori",
          "Elena Petrova",
          "Ravi Shah",
          "Jean-Marc Lefèvre",
          "Thandiwe Nkosi",
          "Carlos Becerra",
          "Ana Ribeiro",
          "Omar Haddad",
          "Sven Aalto");

  /** Agency outlet whose name matches {@code source} ("Associated Press" counts as AP), or null. */
  static Outlet agency(String source) {
    if (source == null) {
      return null;
    }
    String s = source.strip().toLowerCase(Locale.ROOT);
    if (s.equals("ap") || s.contains("associated press")) {
      return AGENCIES.get(0);
    }
    if (s.equals("reuters")) {
      return AGENCIES.get(1);
    }
    if (s.equals("afp") || s.startsWith("agence france")) {
      return AGENCIES.get(2);
    }
    return null;
  }

  /**
   * The outlet named {@code source}: an agency or catalogued outlet, or else a made-up paper whose
   * domain is derived from the name.
   */
  static Outlet forSource(String source, String language) {
    Outlet a = agency(source);
    if (a != null) {
      return a;
    }
    for (List<Outlet> list : List.of(PAPERS, AGGREGATORS, SCRAPERS)) {
      for (Outlet o : list) {
        if (o.name().equalsIgnoreCase(source.strip())) {
          return o;
        }
      }
    }
    String domain = Texts.slug(source, 6).replace("-", "") + ".com";
    return paper(source.strip(), domain, null, "Z", language, false);
  }
}
