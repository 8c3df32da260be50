package io.newsdedup.pipeline.options;

import java.beans.Introspector;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.options.PipelineOptionsRegistrar;

/**
 * The options of the Flink and Spark runners and of the Google Cloud modules, which the jar
 * registers only for a command line that sets one of their properties.
 *
 * <p>Beam registers every options interface its modules list ({@code
 * META-INF/services/...PipelineOptionsRegistrar}) when its options factory is first used, and each
 * registration checks the union of all interfaces registered so far: with the runners and Google
 * Cloud modules of the jar that took 2.5–2.7 s of every command's start, against 1.0–1.1 s for
 * Beam's own and the Direct runner's. So the shaded jar leaves out the registrars of {@link
 * #REGISTRARS} ({@code pom.xml}, the shade plugin's filters), and every command line is parsed
 * after {@link #registerFor} registered each of their interfaces that declares a property the
 * command line sets ({@code --flinkMaster}, {@code --sparkMaster}, {@code --project}, ...). A
 * runner reads its own options whether they are registered or not; registration only lets the
 * command line name them. Outside the jar (tests, an IDE) every registrar is listed and this
 * changes nothing.
 */
public final class DeferredOptions {
  private DeferredOptions() {}

  /** The registrars whose entries the shaded jar leaves out: see pom.xml's shade filters. */
  static final List<String> REGISTRARS =
      List.of(
          "org.apache.beam.runners.flink.FlinkRunnerRegistrar$Options",
          "org.apache.beam.runners.spark.SparkRunnerRegistrar$Options",
          "org.apache.beam.runners.spark.structuredstreaming"
              + ".SparkStructuredStreamingRunnerRegistrar$Options",
          "org.apache.beam.sdk.io.gcp.common.GcpIoPipelineOptionsRegistrar",
          "org.apache.beam.sdk.extensions.gcp.options.GcpPipelineOptionsRegistrar");

  /**
   * The parser of a command line {@code args} whose options are {@code type}: every entry point
   * parses through here, so that {@code type} and the deferred interfaces the command line needs
   * are registered first.
   */
  public static PipelineOptionsFactory.Builder fromArgs(
      Class<? extends PipelineOptions> type, String[] args) {
    registerFor(args);
    PipelineOptionsFactory.register(type);
    return PipelineOptionsFactory.fromArgs(args);
  }

  /** Registers the deferred interfaces that {@code args} need. */
  public static void registerFor(String[] args) {
    for (Class<? extends PipelineOptions> iface :
        neededBy(args, PipelineOptionsFactory.getRegisteredOptions())) {
      PipelineOptionsFactory.register(iface);
    }
  }

  /**
   * The deferred interfaces not in {@code known} (the registered ones) that declare a property
   * {@code args} set ({@code --name[=value]}).
   */
  static List<Class<? extends PipelineOptions>> neededBy(
      String[] args, Set<Class<? extends PipelineOptions>> known) {
    Set<String> names = new LinkedHashSet<>();
    for (String arg : args) {
      if (arg.startsWith("--") && arg.length() > 2) {
        int eq = arg.indexOf('=');
        names.add(eq < 0 ? arg.substring(2) : arg.substring(2, eq));
      }
    }
    List<Class<? extends PipelineOptions>> needed = new ArrayList<>();
    if (names.isEmpty()) {
      return needed;
    }
    for (Class<? extends PipelineOptions> iface : interfaces()) {
      if (!known.contains(iface) && declaresAny(iface, names, known)) {
        needed.add(iface);
      }
    }
    return needed;
  }

  /** The interfaces of {@link #REGISTRARS} present on the class path. */
  static List<Class<? extends PipelineOptions>> interfaces() {
    List<Class<? extends PipelineOptions>> all = new ArrayList<>();
    for (String name : REGISTRARS) {
      PipelineOptionsRegistrar registrar;
      try {
        registrar =
            Class.forName(name)
                .asSubclass(PipelineOptionsRegistrar.class)
                .getDeclaredConstructor()
                .newInstance();
      } catch (ClassNotFoundException | NoClassDefFoundError e) {
        continue; // a build without that module
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot load the options registrar " + name, e);
      }
      registrar.getPipelineOptions().forEach(all::add);
    }
    return all;
  }

  /**
   * Whether {@code iface} or one of its ancestors that is not registered yet declares a property of
   * {@code names} ({@code --runner} is everyone's, by {@link PipelineOptions}).
   */
  private static boolean declaresAny(
      Class<?> iface, Set<String> names, Set<Class<? extends PipelineOptions>> known) {
    for (Method m : iface.getMethods()) {
      if (m.getParameterCount() == 0
          && !known.contains(m.getDeclaringClass())
          && names.contains(property(m.getName()))) {
        return true;
      }
    }
    return false;
  }

  /** The property of a getter ({@code getFlinkMaster}: {@code flinkMaster}); else "". */
  private static String property(String method) {
    if (method.startsWith("get") && method.length() > 3) {
      return Introspector.decapitalize(method.substring(3));
    }
    if (method.startsWith("is") && method.length() > 2) {
      return Introspector.decapitalize(method.substring(2));
    }
    return "";
  }
}
