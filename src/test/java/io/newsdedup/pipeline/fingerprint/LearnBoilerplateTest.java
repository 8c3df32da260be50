package io.newsdedup.pipeline.fingerprint;

import io.newsdedup.core.article.Origin;
import io.newsdedup.core.article.Titles;
import io.newsdedup.core.clean.LearnedBoilerplate;
import io.newsdedup.testing.TestPipelines;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Impulse;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.junit.jupiter.api.Test;

class LearnBoilerplateTest {
  static Cleaned cleaned(String id, String title, String text) {
    return new Cleaned(id, null, "Site", title, null, Origin.ofFile(id), text, 0, null, false,
        Titles.key(title), false);
  }

  @Test
  void learnsTheTemplateOfOneSiteButNotASyndicatedStory() {
    String nav = "newshub | home | world | business";
    String app = "get the newshub app for the fastest breaking news alerts.";
    String wire = "the port strike entered its third day on monday.\nunions demanded higher pay.";
    List<Cleaned> in = new ArrayList<>();
    String[] stories = {"a parrot flew home.\nits owner was delighted.",
        "a bakery won an award.\nthe judges praised its rye.",
        "the library opens late.\nvolunteers will staff it.",
        "the zoo has new cubs.\nthey were born in may."};
    String[] titles = {"Lost parrot flies home after ten days", "Bakery wins national bread award",
        "Library to open on Sunday evenings", "Zoo welcomes two red panda cubs"};
    for (int i = 0; i < stories.length; i++) {
      in.add(cleaned("t" + i, titles[i], nav + "\n" + stories[i] + "\n" + app));
    }
    for (int i = 0; i < 4; i++) {
      in.add(cleaned("w" + i, "Port strike enters its third day", wire));
    }
    TestPipeline p = TestPipelines.create();
    PCollectionView<List<Long>> learned =
        p.apply(Create.of(in).withCoder(Cleaned.CleanedCoder.of()))
            .apply(LearnBoilerplate.with(LearnedBoilerplate.defaults()).withShards(4));
    PCollection<Long> keys = p.apply(Impulse.create())
        .apply(ParDo.of(new EmitFn(learned)).withSideInputs(learned));
    PAssert.that(keys).containsInAnyOrder(LearnedBoilerplate.key(nav), LearnedBoilerplate.key(app));
    p.run().waitUntilFinish();
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
