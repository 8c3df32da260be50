package io.newsdedup.core.story;

/** Headlines, story bodies and template bodies in several languages, for the story tests. */
final class StoryTexts {
  private StoryTexts() {}

  /** A headline, the cleaned body of its story and the cleaned body of a template page. */
  record Case(String language, String headline, String story, String template) {}

  static final Case ENGLISH =
      new Case(
          "en",
          "Kenya's central bank holds rates as inflation eases",
          "the central bank of kenya held its benchmark lending rate at 10.75 percent on tuesday,"
              + " saying inflation had eased for a third month.\n"
              + "governor patrick njoroge said the bank would keep rates on hold until price"
              + " pressures were firmly under control.\n"
              + "analysts polled before the meeting had expected no change.",
          "your choices about how we and our partners handle data\n"
              + "we and our partners keep and reach information on your device, such as unique"
              + " identifiers in small text files, and process personal data to show you tailored"
              + " material and to measure how it performs.\n"
              + "you can agree to all purposes, pick the ones you accept, or object where we rely"
              + " on legitimate interest.\n"
              + "agree and close\n"
              + "show purposes");

  static final Case GERMAN =
      new Case(
          "de",
          "Stadtrat beschließt neues Radwegenetz für die Innenstadt",
          "der stadtrat hat am dienstag ein neues radwegenetz für die innenstadt beschlossen.\n"
              + "bis 2028 sollen 40 kilometer geschützte radwege entstehen, teilte die stadt mit.\n"
              + "die opposition kritisierte die kosten des netzes.",
          "dieser beitrag ist teil unseres angebots für abonnentinnen und abonnenten\n"
              + "testen sie vier wochen lang alle inhalte für 0,99 euro, danach 12,90 euro im"
              + " monat. monatlich kündbar.\n"
              + "jetzt testen\n"
              + "sie haben schon ein konto? hier anmelden");

  static final Case POLISH =
      new Case(
          "pl",
          "Sejm przyjął ustawę o ochronie lasów państwowych",
          "sejm przyjął w piątek ustawę, która zaostrza ochronę lasów państwowych przed wycinką.\n"
              + "za ustawą głosowało 310 posłów, przeciw było 120.\n"
              + "nowe przepisy wejdą w życie od stycznia.",
          "strona, której szukasz, nie istnieje.\n"
              + "mogła zostać usunięta albo przeniesiona pod inny adres.\n"
              + "wróć na stronę główną lub skorzystaj z wyszukiwarki u góry strony.\n"
              + "kod błędu: 404");

  static final Case ARABIC =
      new Case(
          "ar",
          "الحكومة تعلن خطة لبناء محطات تحلية مياه البحر",
          "أعلنت الحكومة يوم الأحد عن خطة لبناء ثلاث محطات جديدة لتحلية مياه البحر على الساحل"
              + " الشرقي.\n"
              + "وقال وزير المياه إن المحطات ستوفر مياه الشرب لمليوني نسمة بحلول عام 2030.",
          "جارٍ التحقق من أنك زائر بشري\n"
              + "قد يستغرق هذا بضع ثوانٍ. يحتاج الموقع إلى مراجعة أمان اتصالك قبل المتابعة.\n"
              + "إذا لم تنتقل الصفحة تلقائياً، يرجى تفعيل ملفات تعريف الارتباط في متصفحك ثم إعادة"
              + " المحاولة.\n"
              + "رقم المرجع: 7c1e90a2b45f");

  static final Case CHINESE =
      new Case(
          "zh",
          "江城地铁三号线正式开通运营",
          "江城地铁三号线今天上午正式开通运营，全长三十二公里，设站二十四座。\n" + "市民可以乘坐三号线从火车站直达机场，单程约需四十分钟。",
          "本文仅限会员阅读\n"
              + "登录后即可继续浏览全文，并可收藏文章、参与评论。\n"
              + "还没有账号？使用手机号码注册，只需一分钟。\n"
              + "手机号码\n验证码\n获取验证码\n登录即表示您同意用户协议和隐私政策");

  static final Case[] ALL = {ENGLISH, GERMAN, POLISH, ARABIC, CHINESE};
}
