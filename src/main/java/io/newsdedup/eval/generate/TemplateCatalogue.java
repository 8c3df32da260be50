package io.newsdedup.eval.generate;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The held-out catalogue of {@link CopyKind#TEMPLATE_PAGE template pages}: sites whose scraped text
 * is only a template (a bot check, a consent wall, a 404 page, a paywall offer, a registration
 * form, a video player shell, ...), each shape written for two sites with their own names, wording
 * and numbers.
 *
 * <p>Written for this project and kept apart from the project's rules on purpose: no line of any
 * template is matched by a rule of the bundled {@code boilerplate.rules} (a test checks it), so
 * that the matching is evaluated on templates it has never seen. Where a real page would say "©
 * 2025 Site. All rights reserved." or "We use cookies", these templates say the same thing in words
 * the rules do not list.
 *
 * <p>Placeholders filled per site: {@code {site}}, {@code {domain}}; per page: {@code {ray}} (16
 * hex digits), {@code {ref}} (a CDN reference number), {@code {ip}} (a documentation address),
 * {@code {id}} (an 8-digit request number), {@code {utc}} (the page time).
 */
final class TemplateCatalogue {
  private TemplateCatalogue() {}

  /**
   * A kind of template page.
   *
   * @param id short name
   * @param bare served by a CDN or a bare error handler: as HTML a minimal page without the site's
   *     navigation, meta tags or headline
   * @param showsHeadline as HTML the page still shows the story's headline above the template
   */
  record Shape(String id, boolean bare, boolean showsHeadline) {}

  static final Shape CONSENT = new Shape("consent_wall", false, false);
  static final Shape BOT_CHECK = new Shape("bot_check", true, false);
  static final Shape NOT_FOUND = new Shape("not_found", false, false);
  static final Shape PAYWALL = new Shape("paywall_offer", false, true);
  static final Shape REGISTRATION = new Shape("registration_form", false, true);
  static final Shape GEO_BLOCK = new Shape("unavailable_in_region", true, false);
  static final Shape NO_SCRIPT = new Shape("javascript_notice", true, false);
  static final Shape VIDEO = new Shape("video_player", false, true);
  static final Shape ACCESS_DENIED = new Shape("access_denied", true, false);
  static final Shape RESEARCH = new Shape("research_trial_form", false, true);
  static final Shape NEWSLETTER = new Shape("newsletter_interstitial", false, true);
  static final Shape AGE_GATE = new Shape("age_gate", false, false);
  static final Shape GONE = new Shape("content_unavailable", false, false);
  static final Shape APP = new Shape("app_interstitial", false, true);
  static final Shape CONSENT_DE = new Shape("consent_wall_de", false, false);
  static final Shape PAYWALL_PL = new Shape("paywall_offer_pl", false, true);
  static final Shape NOT_FOUND_ZH = new Shape("not_found_zh", false, false);
  static final Shape GEO_BLOCK_AR = new Shape("unavailable_in_region_ar", true, false);

  /**
   * One site's template.
   *
   * @param shape what kind of page it is
   * @param name the site's name: the {@code source} of its pages
   * @param domain web host without "www."
   * @param language language of the template (the stories it carries may be in another)
   * @param separator what joins the headline and the site name in the page title ("Headline |
   *     Site"), or null when the title is the bare headline
   * @param text the template: paragraphs separated by a blank line, lines by a line break
   */
  record Site(
      Shape shape,
      String name,
      String domain,
      String language,
      ZoneOffset offset,
      String separator,
      String text) {

    /** The site as an outlet (a paper-like site: URLs under its own domain). */
    Outlets.Outlet outlet() {
      return new Outlets.Outlet(
          name, domain, null, offset, language, Outlets.Type.PAPER, false, null);
    }

    /** The page title for a story headline. */
    String title(String headline) {
      return separator == null ? headline : headline + separator + name;
    }

    /** The template with site and page placeholders filled from {@code rng}. */
    String fill(SplittableRandom rng, Instant time) {
      String ray = Texts.hex(rng, 16);
      String ref =
          "18."
              + Texts.hex(rng, 8)
              + "."
              + (1_735_689_600L + rng.nextLong(31_536_000L))
              + "."
              + Texts.hex(rng, 8);
      String ip = (rng.nextBoolean() ? "203.0.113." : "198.51.100.") + (1 + rng.nextInt(254));
      String id = String.valueOf(10_000_000 + rng.nextInt(90_000_000));
      String utc = UTC.format(time == null ? Instant.parse("2025-01-01T00:00:00Z") : time);
      return text.replace("{site}", name)
          .replace("{domain}", domain)
          .replace("{ray}", ray)
          .replace("{ref}", ref)
          .replace("{ip}", ip)
          .replace("{id}", id)
          .replace("{utc}", utc);
    }
  }

  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private static Site site(
      Shape shape,
      String name,
      String domain,
      String lang,
      String offset,
      String separator,
      String text) {
    return new Site(shape, name, domain, lang, ZoneOffset.of(offset), separator, text.strip());
  }

  static final List<Site> SITES =
      List.of(
          // ---------------------------------------------------------------- consent walls
          site(
              CONSENT,
              "The Fenwick Standard",
              "fenwickstandard.co.uk",
              "en",
              "Z",
              " | ",
              """
              {site} values your privacy

              To keep {site} free to read, we and 212 advertising and measurement partners store and \
              access information on your device, such as unique identifiers and the pages you visit, \
              to show personalised ads and content, measure how they perform and develop our products.

              You can change your mind at any time under "Privacy choices" at the bottom of every \
              page. Some partners rely on legitimate interest rather than consent; you can object to \
              this in the partner list.

              Agree and continue
              Refuse non-essential
              Show purposes and partners (212)
              """),
          site(
              CONSENT,
              "Brightwater Chronicle",
              "brightwaterchronicle.com",
              "en",
              "-05:00",
              null,
              """
              {site} respects your privacy

              With your permission, {site} and our 187 partners rely on technologies such as cookies \
              to store and read data on your device, including approximate location, device \
              characteristics and browsing history. This lets us tailor advertising, count our \
              audience and improve the site.

              Your selection applies to {domain} and its subdomains. You can withdraw it whenever you \
              like through "Privacy choices" in the page footer.

              Agree and close
              Continue without agreeing
              Set my options
              """),
          // ---------------------------------------------------------------- bot checks
          site(
              BOT_CHECK,
              "Harbourline News",
              "harbourlinenews.com",
              "en",
              "Z",
              null,
              """
              {domain}

              Verifying you are human. This may take a few seconds.

              {domain} needs to review the security of your connection before proceeding.

              Verification is taking longer than expected. Check your Internet connection and refresh \
              the page if the issue persists.

              Ray ID: {ray}
              Performance and security by Stormwall
              """),
          site(
              BOT_CHECK,
              "Orchardvale Times",
              "orchardvaletimes.com",
              "en",
              "-08:00",
              " - ",
              """
              Just a moment...

              Checking your browser before accessing {domain}.

              This process is automatic. Your browser will redirect to your requested content shortly.

              Please allow up to 5 seconds...

              If you are not redirected, make sure this site may store cookies and run scripts, then \
              try again.

              Incident ID: {ray}
              Your IP: {ip}
              DDoS protection by Stormwall
              """),
          // ---------------------------------------------------------------- 404 pages
          site(
              NOT_FOUND,
              "Westmarch Post",
              "westmarchpost.com",
              "en",
              "-05:00",
              " | ",
              """
              Page not found

              Sorry, we can't find the page you were looking for. It may have been moved, renamed or \
              taken down, or the link you followed may be incomplete.

              Here are some things you can try:
              Check the address for typing errors
              Use the search box at the top of this page
              Visit our homepage for today's headlines

              Error code: 404

              {site}, 14 Foundry Lane, Westmarch. {site} is a member of the Independent Press \
              Standards scheme.
              """),
          site(
              NOT_FOUND,
              "The Tidewater Beacon",
              "tidewaterbeacon.com",
              "en",
              "-04:00",
              " - ",
              """
              Oops! That page can't be found.

              The story or section you requested does not exist on {domain}. It might have been \
              removed, had its name changed or be temporarily unavailable.

              You could try:
              Going back to the previous page
              Searching the archive for the story's title
              Browsing the latest headlines on our front page

              404 / Not Found

              {site} is published by Tidewater Media Company, 2025.
              """),
          // ---------------------------------------------------------------- paywall offers
          site(
              PAYWALL,
              "The Granite State Ledger",
              "granitestateledger.com",
              "en",
              "-05:00",
              " | ",
              """
              This story is for Ledger subscribers

              Keep reading with unlimited digital access to {site}: award-winning coverage of state \
              politics, schools and the economy, on any device.

              Digital Basic
              $1 for your first 3 months, then $12.99 per month
              Cancel anytime

              Digital Plus
              $2 for your first 3 months, then $19.99 per month
              Includes the e-edition and puzzles

              Already have an account? Sign in here.

              Offer available to new subscribers only. Taxes may apply.
              """),
          site(
              PAYWALL,
              "Kestrel Bay Mercury",
              "kestrelbaymercury.com.au",
              "en",
              "+10:00",
              " - ",
              """
              Subscriber exclusive

              This article is part of our premium journalism. Subscribe to the {site} for full access \
              to local news, sport and real estate from across the bay.

              Monthly
              $4 a week, billed every four weeks

              Annual
              $149 for the first year, save 35%

              Both plans include unlimited access on web and app, today's paper and the digital \
              archive back to 1998.

              Already subscribed? Log in to your account.

              Terms and conditions apply. Prices in AUD including GST.
              """),
          // ---------------------------------------------------------------- registration forms
          site(
              REGISTRATION,
              "Meridian Business Review",
              "meridianbusinessreview.com",
              "en",
              "Z",
              " | ",
              """
              An account is needed to view this article

              This article costs nothing to read, but you need a {site} account first. It only takes \
              a minute.

              Once registered, you can:
              Read three articles a month at no cost
              Receive our weekday Markets Briefing
              Save articles to your reading list

              Email address
              First name
              Last name
              Job title
              Company name
              Country or region

              Create my account

              Your details are processed in line with our data notice. Already registered? Sign in.
              """),
          site(
              REGISTRATION,
              "Fleetline Logistics Weekly",
              "fleetlineweekly.com",
              "en",
              "+01:00",
              null,
              """
              Complete a short registration to read on

              {site} is open to professionals working in freight, shipping and supply chains. Tell \
              us a little about yourself to open this article.

              With a Fleetline account you get:
              Unlimited access to news and analysis
              The Daily Manifest briefing, every weekday
              Invitations to webinars and industry events

              Work email
              First name
              Last name
              Job function
              Company
              Fleet size

              Complete registration

              We will never share your details without your permission. Already have an account? \
              Log in.
              """),
          // ---------------------------------------------------------------- unavailable in region
          site(
              GEO_BLOCK,
              "Clearbrook County Courier",
              "clearbrookcourier.com",
              "en",
              "-06:00",
              null,
              """
              Error 451 - Unavailable For Legal Reasons

              This website is currently not available to visitors in your region. Because of the \
              data protection rules that apply where you are, {site} has decided to restrict access \
              while we review our systems.

              We are working on a solution and hope to restore access soon. Our print edition and \
              text alerts are not affected.

              Questions? Write to webdesk@{domain}.

              {site}, 220 Mill Street, Clearbrook
              """),
          site(
              GEO_BLOCK,
              "The Sandhill Observer",
              "sandhillobserver.com",
              "en",
              "-07:00",
              " | ",
              """
              Sorry, this site is not available in your location

              {site} is unable to serve readers in your country or region at the moment due to local \
              legal requirements. We apologise for the inconvenience.

              HTTP status 451. Request ID {id}.

              If you believe you are seeing this message in error, for example because you use a VPN \
              or a corporate network, please contact our reader services team at help@{domain}.
              """),
          // ---------------------------------------------------------------- script notices
          site(
              NO_SCRIPT,
              "Northbound Wire",
              "northboundwire.com",
              "en",
              "-05:00",
              " | ",
              """
              {site}

              This site needs JavaScript to display its stories, live blogs and interactive graphics. \
              It looks like JavaScript is turned off or blocked by an extension in your browser.

              To read {site}:
              Turn on JavaScript in your browser's settings
              Add {domain} to the allow list of your ad or script blocker
              Reload this page

              Still having trouble? Our help centre explains the steps for every common browser.
              """),
          site(
              NO_SCRIPT,
              "Pinecrest Daily",
              "pinecrestdaily.com",
              "en",
              "-06:00",
              " - ",
              """
              You need JavaScript to view {site}

              Our pages are built with scripts that your browser is currently not running. Without \
              them we cannot load the article, the reader comments or the video on this page.

              How to fix this:
              Open your browser settings and switch JavaScript on for {domain}
              Pause any extension that stops scripts from running
              Refresh the page

              We support recent versions of Chrome, Firefox, Safari and Edge.
              """),
          // ---------------------------------------------------------------- video player shells
          site(
              VIDEO,
              "Riverlands Nine News",
              "riverlandsnine.tv",
              "en",
              "+09:30",
              " | ",
              """
              Now Playing
              0:00 / 2:14
              Play
              Mute
              Playback speed
              Normal
              Subtitles/closed captions
              Off
              Quality
              Auto
              Full screen

              Up Next
              Autoplay is on
              This video will start playing in 8 seconds
              Cancel

              This video is unavailable on your device. Try again later or watch it in the {site} \
              app.

              {site}
              """),
          site(
              VIDEO,
              "MetroVision 24",
              "metrovision24.com",
              "en",
              "-05:00",
              " - ",
              """
              The video player is getting ready.
              Play Video
              Play
              Unmute
              Current Time 0:00
              Duration 3:41
              Remaining Time -3:41
              Playback Rate 1x
              Chapters
              Captions
              captions settings, opens the captions settings dialog
              captions off, selected
              Audio Track
              Picture-in-Picture
              Fullscreen

              This is a modal window. Press Escape or use the close button to leave it.

              Up next on {site}
              Autoplay on
              """),
          // ---------------------------------------------------------------- access denied
          site(
              ACCESS_DENIED,
              "The Ashgrove Dispatch",
              "ashgrovedispatch.com",
              "en",
              "Z",
              null,
              """
              Access Denied

              You don't have permission to access "http://www.{domain}/" on this server.

              Reference #{ref}

              The request was stopped by the security rules of this site. If you think this is a \
              mistake, send the reference number above and the time of your visit to the site owner.

              Time: {utc}
              Edge node: fra-edge-07
              """),
          site(
              ACCESS_DENIED,
              "Coastal Plains Herald",
              "coastalplainsherald.com",
              "en",
              "-06:00",
              " | ",
              """
              Access to this page has been denied

              We detected unusual activity from your network and have blocked this request to \
              protect {domain}.

              This can happen when:
              You are browsing through a proxy, VPN or shared network
              Your browser does not allow cookies or scripts
              Requests are sent too quickly, for example by an automated tool

              Reference ID: {ref}
              Client IP: {ip}
              Time: {utc}

              Powered by GateKeep Bot Defense
              """),
          // ---------------------------------------------------------------- research trial forms
          site(
              RESEARCH,
              "Stratavue Research",
              "stratavue.com",
              "en",
              "Z",
              " | ",
              """
              Continue reading this report

              Registered users can read up to 3 Stratavue reports each month at no charge. Premium \
              members get unlimited reports, data downloads and analyst calls.

              Start your 14-day trial

              Business email
              Full name
              Company
              Job title
              Phone number (optional)
              Industry

              Request access

              {site} Ltd, registered in England and Wales, company no. 09412873. We process the \
              details you provide to manage your trial and to send you relevant research.
              """),
          site(
              RESEARCH,
              "Quantiva Market Intelligence",
              "quantiva-mi.com",
              "en",
              "+01:00",
              " - ",
              """
              This research is for registered users

              Quantiva publishes market sizing, forecasts and competitive analysis across 40 \
              industries. Registered users can open 2 full reports a month; subscribers have \
              unlimited access.

              Try Quantiva Pro for 7 days at no cost

              Corporate email address
              First and last name
              Organisation
              Role
              Country
              How did you hear about us?

              Get the full report

              {site} GmbH, Berlin. The trial converts to a paid plan unless cancelled.
              """),
          // ---------------------------------------------------------------- newsletter
          // interstitials
          site(
              NEWSLETTER,
              "The Morning Compass",
              "morningcompass.news",
              "en",
              "-05:00",
              null,
              """
              Before you continue

              Start every weekday with {site}: the five stories that matter, explained in under five \
              minutes, plus one long read for the weekend.

              Your email address

              Send me the briefing

              No thanks, take me to the article

              We send one message a day and you can leave the list with a single click at the bottom \
              of any issue. Read how we handle your data in our privacy notice.
              """),
          site(
              NEWSLETTER,
              "Lowland Business Journal",
              "lowlandbusinessjournal.com",
              "en",
              "Z",
              " | ",
              """
              One more thing before you read on

              The {site} daily digest brings you the region's deals, openings and closures, every \
              morning at 7am, at no cost.

              Enter your email
              Company (optional)

              Count me in

              Maybe later

              You can change your mind at any time with the link at the end of each digest. We do \
              not sell your data to anyone.
              """),
          // ---------------------------------------------------------------- age gates
          site(
              AGE_GATE,
              "Vintner's Table",
              "vintnerstable.com",
              "en",
              "-08:00",
              " | ",
              """
              Welcome to {site}

              You must be of legal drinking age in your country of residence to enter this site.

              Please enter your date of birth
              Day
              Month
              Year

              Remember me on this device

              Enter site

              {site} supports responsible drinking. For facts about alcohol, visit our partner \
              resources page. Do not share this content with anyone under the legal purchase age.
              """),
          site(
              AGE_GATE,
              "Racecard Daily",
              "racecarddaily.com",
              "en",
              "Z",
              " - ",
              """
              Are you 18 or over?

              {site} contains betting odds, tips and gambling advertising. You need to confirm that \
              you are at least 18 years old to continue.

              Yes, I am 18 or older
              No, take me back

              Age confirmation is required under gambling advertising regulations. If gambling is \
              affecting you or someone you know, confidential support is available 24 hours a day.
              """),
          // ---------------------------------------------------------------- removed or moved
          site(
              GONE,
              "The Elmstead Record",
              "elmsteadrecord.com",
              "en",
              "Z",
              " | ",
              """
              This content is no longer available

              The article you are looking for has been removed from {domain} or its address has \
              changed. Stories are sometimes taken down for legal reasons or at the request of the \
              people involved.

              You can find our latest coverage on the front page, or use the search bar to look for \
              a similar story.

              {site} editorial standards team
              """),
          site(
              GONE,
              "Cragmoor Sun",
              "cragmoorsun.com",
              "en",
              "-07:00",
              null,
              """
              The page has moved

              We recently reorganised the {site} website and this story now lives at a new address. \
              If you are not taken there automatically, the article may have been archived.

              Our archive covers stories published since 2004 and is open to all subscribers.

              Return to the front page
              Search the archive
              Report a broken link

              {site} newsroom
              """),
          // ---------------------------------------------------------------- app interstitials
          site(
              APP,
              "Pulse Nation",
              "pulsenation.app",
              "en",
              "-05:00",
              " | ",
              """
              {site} works best in the app

              Get breaking alerts, save stories for offline reading and follow the topics you care \
              about. It's free on iPhone and Android.

              Open the {site} app
              Continue in browser

              Rated 4.7 by 120,000 readers

              Scan the code with your phone camera to install.
              """),
          site(
              APP,
              "The Daily Ferry",
              "dailyferry.com",
              "en",
              "+12:00",
              " - ",
              """
              Read this story in the {site} app

              You have opened a link that works better in our free app, with faster pages, fewer ads \
              and a dark mode for night reading.

              Switch to the app
              Stay on the website

              The iOS app requires iOS 16 or later. The Android app needs Android 10 or later. Both \
              are free to install.
              """),
          // ---------------------------------------------------------------- German consent walls
          site(
              CONSENT_DE,
              "Moorbacher Rundschau",
              "moorbacher-rundschau.de",
              "de",
              "+01:00",
              " | ",
              """
              Willkommen bei {site}

              Wir und unsere 164 Partner speichern und verarbeiten Informationen auf Ihrem Gerät, zum \
              Beispiel eindeutige Kennungen in Cookies, um Inhalte und Anzeigen zu personalisieren, \
              deren Reichweite zu messen und unser Angebot zu verbessern.

              Mit einem Klick auf „Zustimmen und weiter“ willigen Sie in diese Verarbeitung ein. Ihre \
              Einwilligung können Sie jederzeit über den Link „Datenschutz-Einstellungen“ am Ende \
              jeder Seite widerrufen.

              Zustimmen und weiter
              Ohne Werbung lesen: {site} Plus für 4,99 € im Monat
              Einstellungen anpassen

              Impressum · Datenschutzerklärung
              """),
          site(
              CONSENT_DE,
              "Talheimer Abendpost",
              "talheimer-abendpost.de",
              "de",
              "+01:00",
              " - ",
              """
              Ihre Privatsphäre ist uns wichtig

              {site} und 129 Drittanbieter nutzen Technologien wie Cookies, um Nutzungsdaten auf \
              Ihrem Endgerät zu speichern und auszulesen. So finanzieren wir unseren Journalismus \
              über Werbung und messen, welche Artikel gelesen werden.

              Sie können Ihre Auswahl jederzeit unter „Privatsphäre“ im Seitenfuß ändern. Ohne \
              Einwilligung nutzen Sie unsere Seiten mit einem werbefreien Abo.

              Alle akzeptieren
              Nur notwendige Technologien
              Weitere Informationen

              Werbefrei lesen ab 3,99 € monatlich
              """),
          // ---------------------------------------------------------------- Polish paywalls
          site(
              PAYWALL_PL,
              "Gazeta Łęgowska",
              "gazetalegowska.pl",
              "pl",
              "+01:00",
              " | ",
              """
              {site}: ten artykuł jest dostępny w ramach prenumeraty cyfrowej

              Wykup dostęp i czytaj bez ograniczeń wszystkie wiadomości z regionu, reportaże, \
              wywiady i komentarze naszych dziennikarzy.

              Pakiet miesięczny
              19,90 zł za pierwszy miesiąc, potem 39,90 zł miesięcznie
              Możesz zrezygnować w każdej chwili

              Pakiet roczny
              299 zł za 12 miesięcy, czyli niecałe 25 zł miesięcznie

              Masz już konto? Zaloguj się

              Płatności obsługuje operator BankLink. Regulamin prenumeraty
              """),
          site(
              PAYWALL_PL,
              "Kurier Zatokowy",
              "kurierzatokowy.pl",
              "pl",
              "+01:00",
              " - ",
              """
              {site} Premium

              Ten tekst jest dostępny tylko dla prenumeratorów. Dołącz do ponad 40 tysięcy \
              czytelników, którzy wspierają niezależne dziennikarstwo na Pomorzu.

              Dostęp na 30 dni
              1 zł na start, potem 29,99 zł co miesiąc

              Dostęp na rok
              249 zł jednorazowo, oszczędzasz 30%

              Masz już prenumeratę? Zaloguj się

              Wydawca: {site} sp. z o.o., Gdańsk
              """),
          // ---------------------------------------------------------------- Chinese 404 pages
          site(
              NOT_FOUND_ZH,
              "云溪商报",
              "yunxishangbao.cn",
              "zh",
              "+08:00",
              " - ",
              """
              很抱歉，您访问的页面不存在

              您要查看的网页可能已被删除、名称已被更改，或者暂时不可用。

              您可以：
              检查输入的网址是否正确
              返回{site}首页浏览最新新闻
              使用站内搜索查找相关报道

              错误代码：404

              {site}社版权所有 沪ICP备18024561号
              """),
          site(
              NOT_FOUND_ZH,
              "石湾晨报",
              "shiwanchenbao.com",
              "zh",
              "+08:00",
              "_",
              """
              页面找不到了

              抱歉，该新闻可能已经下线，或者链接地址有误。

              请尝试以下操作：
              刷新页面或稍后再试
              返回{site}首页
              在搜索框中输入新闻标题重新查找

              如有疑问，请联系读者服务热线 020-8888 6123

              {site} 版权所有 粤ICP备09031187号-2
              """),
          // ---------------------------------------------------------------- Arabic regional blocks
          site(
              GEO_BLOCK_AR,
              "صحيفة الضفاف",
              "aldifaf-news.com",
              "ar",
              "+03:00",
              " | ",
              """
              عذراً، هذا المحتوى غير متاح في منطقتك

              لا يمكن عرض هذه الصفحة في بلدك بسبب قيود قانونية أو حقوق نشر. نحن نعمل على إتاحة \
              محتوانا لجميع القراء في أقرب وقت ممكن.

              إذا كنت تعتقد أن هذه الرسالة ظهرت عن طريق الخطأ، يرجى التواصل مع فريق الدعم وذكر رقم \
              الطلب التالي:
              {id}

              العودة إلى الصفحة الرئيسية

              {site} - جميع الحقوق محفوظة 2025
              """),
          site(
              GEO_BLOCK_AR,
              "بوابة الواحة",
              "alwaha-portal.com",
              "ar",
              "+04:00",
              " - ",
              """
              الخدمة غير متوفرة في موقعك الحالي

              نأسف، لا يمكننا عرض هذا المقال للزوار من خارج المنطقة المسموح بها وفقاً لاتفاقيات \
              البث والنشر.

              رمز الخطأ: 451
              رقم المرجع: {id}

              قد يحدث ذلك إذا كنت تستخدم شبكة افتراضية خاصة أو خادماً وكيلاً. جرّب إيقافها ثم أعد \
              تحميل الصفحة.

              {site} © 2025
              """));

  // ---------------------------------------------------------------------------------------------
  // More sites of the same shapes, for corpora with more template pages than the catalogue holds

  // Names made up for these sites; the places are invented too.
  private static final String[][] EN_NAMES = {
    {
      "Ashcombe Vale",
      "Brindlemoor",
      "Coldharbour Cross",
      "Dunmarrow",
      "Elderwick",
      "Farrowdale",
      "Glenhallow",
      "Hollinsby",
      "Kestermere",
      "Larkhollow",
      "Marrowfield",
      "Netherby Cove",
      "Pellingford",
      "Quarrington",
      "Redwater Falls",
      "Thistlebury"
    },
    {
      "Bulletin",
      "Dispatch",
      "Times",
      "Post",
      "Herald",
      "Examiner",
      "Mirror",
      "Review",
      "Weekly",
      "Online",
      "Daily",
      "Star"
    }
  };
  private static final String[][] DE_NAMES = {
    {
      "Eichenauer",
      "Talbrunner",
      "Weidenfelser",
      "Brunnstädter",
      "Kalkberger",
      "Ostmoorer",
      "Sandauer",
      "Hohenrieder",
      "Lerchenfelder",
      "Mühltaler"
    },
    {"Rundschau", "Nachrichten", "Zeitung", "Post", "Tagespost", "Abendpost"}
  };
  private static final String[][] PL_NAMES = {
    {"Kurier", "Dziennik", "Głos", "Tygodnik", "Przegląd"},
    {
      "Wierzbowski",
      "Lipnicki",
      "Dębiński",
      "Olszański",
      "Jaworzański",
      "Borowiecki",
      "Zatokowy",
      "Łęgowy"
    }
  };
  private static final String[][] ZH_NAMES = {
    {"青岚", "云溪", "石湾", "柳港", "望川", "松岭", "海岑", "澄湖"},
    {"时报", "晨报", "商报", "晚报", "快讯", "新闻网"}
  };
  private static final String[][] ZH_DOMAINS = {
    {"qinglan", "yunxi", "shiwan", "liugang", "wangchuan", "songling", "haicen", "chenghu"},
    {"shibao", "chenbao", "shangbao", "wanbao", "kuaixun", "news"}
  };
  private static final String[][] AR_NAMES = {
    {"صحيفة", "بوابة", "أخبار", "جريدة"},
    {"الواحة", "الرمال", "السنبلة", "المرفأ", "الضفاف", "النخلة", "الكثبان", "الينابيع"}
  };
  private static final String[][] AR_DOMAINS = {
    {"sahifat", "bawabat", "akhbar", "jaridat"},
    {"alwaha", "alremal", "alsunbula", "almarfa", "aldifaf", "alnakhla", "alkuthban", "alyanabee"}
  };

  /**
   * Another site with {@code base}'s template, wording and title style under a new name in the same
   * language (not in {@code used}, which it is added to).
   */
  static Site another(Site base, Set<String> used, SplittableRandom rng) {
    String[][] names =
        switch (base.language()) {
          case "de" -> DE_NAMES;
          case "pl" -> PL_NAMES;
          case "zh" -> ZH_NAMES;
          case "ar" -> AR_NAMES;
          default -> EN_NAMES;
        };
    int a = names[0].length;
    int b = names[1].length;
    int start = rng.nextInt(a * b);
    for (int round = 1; ; round++) {
      for (int k = 0; k < a * b; k++) {
        int i = ((start + k) % (a * b)) / b;
        int j = (start + k) % b;
        String sep = base.language().equals("zh") ? "" : " ";
        String name = names[0][i] + sep + names[1][j] + (round == 1 ? "" : " " + round);
        if (!used.add(name)) {
          continue;
        }
        String host =
            switch (base.language()) {
              case "zh" -> ZH_DOMAINS[0][i] + ZH_DOMAINS[1][j];
              case "ar" -> AR_DOMAINS[0][i] + "-" + AR_DOMAINS[1][j];
              default -> Texts.slug(name.replace('ł', 'l').replace('Ł', 'L'), 6).replace("-", "");
            };
        String tld =
            switch (base.language()) {
              case "de" -> ".de";
              case "pl" -> ".pl";
              case "zh" -> ".cn";
              default -> ".com";
            };
        return new Site(
            base.shape(),
            name,
            host + (round == 1 ? "" : round) + tld,
            base.language(),
            base.offset(),
            base.separator(),
            base.text());
      }
    }
  }
}
