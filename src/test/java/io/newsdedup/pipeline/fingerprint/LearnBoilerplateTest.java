package io.newsdedup.pipeline.fingerprint;

import io.newsdedup.core.article.Origin;
import io.newsdedup.core.article.Titles;
import io.newsdedup.core.clean.LearnedBoilerplate;
import io.newsdedup.core.fingerprint.Cleaned;
import io.newsdedup.pipeline.coders.CoreCoders;
import io.newsdedup.testing.TestPipelines;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Impulse;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.junit.jupiter.api.Test;

class LearnBoilerplateTest {
  static Cleaned cleaned(String id, String title, String text) {
    return new Cleaned(
        id,
        null,
        "Site",
        title,
        null,
        Origin.ofFile(id),
        text,
        0,
        null,
        false,
        Titles.key(title),
        false,
        false,
        null,
        null);
  }

  static final String NAV = "newshub | home | world | business";
  static final String APP = "get the newshub app for the fastest breaking news alerts.";

  /** Four stories of one site in its template, and one wire story printed four times. */
  static List<Cleaned> corpus() {
    String wire = "the port strike entered its third day on monday.\nunions demanded higher pay.";
    List<Cleaned> in = new ArrayList<>();
    String[] stories = {
      "a parrot flew home.\nits owner was delighted.",
      "a bakery won an award.\nthe judges praised its rye.",
      "the library opens late.\nvolunteers will staff it.",
      "the zoo has new cubs.\nthey were born in may."
    };
    String[] titles = {
      "Lost parrot flies home after ten days",
      "Bakery wins national bread award",
      "Library to open on Sunday evenings",
      "Zoo welcomes two red panda cubs"
    };
    for (int i = 0; i < stories.length; i++) {
      in.add(cleaned("t" + i, titles[i], NAV + "\n" + stories[i] + "\n" + APP));
    }
    for (int i = 0; i < 4; i++) {
      in.add(cleaned("w" + i, "Port strike enters its third day", wire));
    }
    return in;
  }

  static PCollection<Long> learned(TestPipeline p, List<Cleaned> in, Map<String, String> dropped) {
    PCollectionView<Map<String, String>> view =
        dropped == null ? null : p.apply("Dropped", Create.of(dropped)).apply(View.asMap());
    PCollectionView<List<Long>> learned =
        p.apply(Create.of(in).withCoder(CoreCoders.CleanedCoder.of()))
            .apply(
                LearnBoilerplate.with(LearnedBoilerplate.defaults()).withShards(4).without(view));
    return p.apply(Impulse.create()).apply(ParDo.of(new EmitFn(learned)).withSideInputs(learned));
  }

  @Test
  void learnsTheTemplateOfOneSiteButNotASyndicatedStory() {
    TestPipeline p = TestPipelines.create();
    PAssert.that(learned(p, corpus(), null))
        .containsInAnyOrder(LearnedBoilerplate.key(NAV), LearnedBoilerplate.key(APP));
    p.run().waitUntilFinish();
  }

  @Test
  void droppedRecordsDoNotCountButIndexedOnesWithTheSameOriginDo() {
    // Three of the four template pages are dropped: one page shows no template.
    TestPipeline p = TestPipelines.create();
    Map<String, String> dropped = Map.of("t0", "dropped", "t1", "dropped", "t2", "dropped");
    PAssert.that(learned(p, corpus(), dropped)).empty();
    p.run().waitUntilFinish();

    // A record from the index is never dropped, even when an input origin has the same name: with
    // it, two pages of different stories share the template, which is enough.
    List<Cleaned> withIndexed = new ArrayList<>(corpus());
    Cleaned t0 = withIndexed.get(0);
    withIndexed.set(
        0,
        new Cleaned(
            t0.id(),
            t0.url(),
            t0.source(),
            t0.title(),
            t0.publishedAt(),
            t0.origin(),
            t0.text(),
            t0.markers(),
            t0.wireAgency(),
            t0.pointsToOriginal(),
            t0.titleKey(),
            t0.truncated(),
            true,
            "c-earlier",
            t0.crawledAt()));
    TestPipeline q = TestPipelines.create();
    PAssert.that(learned(q, withIndexed, dropped))
        .containsInAnyOrder(LearnedBoilerplate.key(NAV), LearnedBoilerplate.key(APP));
    q.run().waitUntilFinish();
  }

  /** Emits the side input's elements. */
  static final class EmitFn extends DoFn<byte[], Long> {
    private final PCollectionView<List<Long>> view;

    EmitFn(PCollectionView<List<Long>> view) {
      this.view = view;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      c.sideInput(view).forEach(c::output);
    }
  }
}
