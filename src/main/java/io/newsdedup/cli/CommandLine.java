package io.newsdedup.cli;

import io.newsdedup.pipeline.options.DeferredOptions;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsValidator;
import org.apache.beam.sdk.options.Validation;

/**
 * The one way every command reads its options: a Beam options interface ({@code --name=value},
 * {@code @Description}, {@code @Default}, {@code @Validation.Required}), parsed strictly, and one
 * help layout ({@link OptionsHelp}). A bad option is an {@link IllegalArgumentException}, which
 * {@link Main#run} reports as a usage error (one line, exit code 2).
 */
final class CommandLine {
  private CommandLine() {}

  /** Whether the arguments ask for the command's help. */
  static boolean wantsHelp(String[] args) {
    return Arrays.stream(args).anyMatch(Main::isHelp);
  }

  /**
   * The options the arguments set, checked: unknown names, bad values and missing required ones
   * throw (every missing one named, in order).
   */
  static <T extends PipelineOptions> T parse(Class<T> type, String[] args) {
    T options = DeferredOptions.fromArgs(type, args).as(type);
    List<String> missing = new ArrayList<>();
    for (Method m : type.getMethods()) {
      Validation.Required required = m.getAnnotation(Validation.Required.class);
      if (required != null
          && required.groups().length == 0 // one of a group: Beam's validation below says which
          && m.getDeclaringClass().getName().startsWith("io.newsdedup.")
          && m.getParameterCount() == 0) {
        try {
          if (m.invoke(options) == null) {
            missing.add("--" + OptionsHelp.property(m));
          }
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    if (!missing.isEmpty()) {
      Collections.sort(missing);
      throw new IllegalArgumentException("missing " + String.join(", ", missing) + " (required)");
    }
    return PipelineOptionsValidator.validate(type, options);
  }

  /**
   * Prints a command's help: the usage line, what it does, its options with their defaults (those
   * declared by the project's interfaces), and notes.
   */
  static void help(
      PrintStream out,
      String usage,
      String what,
      Class<? extends PipelineOptions> type,
      String notes) {
    out.println(usage);
    out.println();
    out.print(what.endsWith("\n") ? what : what + "\n");
    out.println();
    out.println("Options:");
    out.print(OptionsHelp.describe(type));
    if (!notes.isEmpty()) {
      out.println();
      out.print(notes.endsWith("\n") ? notes : notes + "\n");
    }
  }
}
