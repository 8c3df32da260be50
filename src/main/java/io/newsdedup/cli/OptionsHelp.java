package io.newsdedup.cli;

import io.newsdedup.bench.BenchSettings;
import io.newsdedup.eval.generate.Generate;
import io.newsdedup.pipeline.stream.KafkaEnds;
import io.newsdedup.pipeline.stream.StreamSettings;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.Validation;

/** Lists the options of a Beam options interface: name, type, default and description. */
final class OptionsHelp {
  private OptionsHelp() {}

  /**
   * Defaults a command applies itself (one option name, two commands with different defaults: Beam
   * needs the same {@code @Default} on every interface that declares a property).
   */
  private static final Map<String, String> APPLIED_DEFAULTS = appliedDefaults();

  private static Map<String, String> appliedDefaults() {
    Map<String, String> d = new HashMap<>();
    d.put("StreamOptions.indexRetention", "\"" + StreamSettings.DEFAULT_RETENTION + "\"");
    d.put("StreamOptions.kafkaConsumerGroup", "\"" + KafkaEnds.DEFAULT_CONSUMER_GROUP + "\"");
    d.put("BatchOptions.indexRetention", "keep everything");
    d.put("ReportOptions.report", "OUTPUT/report");
    d.put("ReportOptions.inputRoot", "the current directory");
    d.put("EvalOptions.json", "OUTPUT/eval.json");
    d.put("EvalOptions.inputRoot", "the current directory");
    d.put("BenchOptions.articles", BenchSettings.DEFAULT_ARTICLES + "");
    d.put("BenchOptions.copyShare", BenchSettings.DEFAULT_COPY_SHARE + "");
    d.put("BenchOptions.seed", BenchSettings.DEFAULT_SEED + "");
    Generate.defaultsShown().forEach((name, value) -> d.put("GenerateOptions." + name, value));
    return Map.copyOf(d);
  }

  /**
   * The options declared by {@code options} and by the project's interfaces it extends (such as the
   * matching options shared by batch and stream); Beam's own interfaces are left out.
   */
  static String describe(Class<? extends PipelineOptions> options) {
    return describe(
        getters(options, m -> m.getDeclaringClass().getName().startsWith("io.newsdedup.")));
  }

  /** Only the named options, wherever in {@code options}' hierarchy they are declared. */
  static String describe(Class<? extends PipelineOptions> options, Set<String> names) {
    return describe(getters(options, m -> names.contains(property(m))));
  }

  private static List<Method> getters(Class<?> options, Predicate<Method> keep) {
    Map<String, Method> byName = new LinkedHashMap<>();
    for (Method m : options.getMethods()) {
      if (m.getParameterCount() == 0
          && (m.getName().startsWith("get") || m.getName().startsWith("is"))
          && m.isAnnotationPresent(Description.class)
          && keep.test(m)) {
        byName.putIfAbsent(property(m), m);
      }
    }
    return new ArrayList<>(byName.values());
  }

  private static String describe(List<Method> getters) {
    getters.sort(
        Comparator.comparing((Method m) -> !m.isAnnotationPresent(Validation.Required.class))
            .thenComparing(OptionsHelp::property));
    StringBuilder sb = new StringBuilder();
    for (Method m : getters) {
      sb.append("  --").append(property(m)).append("=<").append(type(m)).append(">");
      if (m.isAnnotationPresent(Validation.Required.class)) {
        sb.append("  (required)");
      } else {
        String applied =
            APPLIED_DEFAULTS.get(m.getDeclaringClass().getSimpleName() + "." + property(m));
        sb.append("  (default: ").append(applied != null ? applied : defaultOf(m)).append(")");
      }
      sb.append('\n');
      for (String line : wrap(m.getAnnotation(Description.class).value(), 72)) {
        sb.append("      ").append(line).append('\n');
      }
    }
    return sb.toString();
  }

  /** The option a getter reads: {@code getTopClusters} is {@code topClusters}. */
  static String property(Method m) {
    String n = m.getName().startsWith("get") ? m.getName().substring(3) : m.getName().substring(2);
    return Character.toLowerCase(n.charAt(0)) + n.substring(1);
  }

  private static String type(Method m) {
    Class<?> t = m.getReturnType();
    if (t == Class.class) {
      return "class name";
    }
    if (t.isEnum()) {
      return String.join("|", Arrays.stream(t.getEnumConstants()).map(Object::toString).toList());
    }
    return t.getSimpleName().toLowerCase(Locale.ROOT);
  }

  private static String defaultOf(Method m) {
    if (m.isAnnotationPresent(Default.Integer.class)) {
      return String.valueOf(m.getAnnotation(Default.Integer.class).value());
    }
    if (m.isAnnotationPresent(Default.Long.class)) {
      return String.valueOf(m.getAnnotation(Default.Long.class).value());
    }
    if (m.isAnnotationPresent(Default.Double.class)) {
      return String.valueOf(m.getAnnotation(Default.Double.class).value());
    }
    if (m.isAnnotationPresent(Default.Boolean.class)) {
      return String.valueOf(m.getAnnotation(Default.Boolean.class).value());
    }
    if (m.isAnnotationPresent(Default.String.class)) {
      return "\"" + m.getAnnotation(Default.String.class).value() + "\"";
    }
    if (m.isAnnotationPresent(Default.Enum.class)) {
      return m.getAnnotation(Default.Enum.class).value();
    }
    if (m.isAnnotationPresent(Default.Class.class)) {
      return m.getAnnotation(Default.Class.class).value().getSimpleName();
    }
    if (m.isAnnotationPresent(Default.InstanceFactory.class)) {
      return "derived from the environment";
    }
    return "none";
  }

  private static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split("\\s+")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines;
  }
}
