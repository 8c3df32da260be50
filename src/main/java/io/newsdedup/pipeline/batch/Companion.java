package io.newsdedup.pipeline.batch;

/**
 * Files a command writes with a batch run, after the run's outputs are published and before its
 * {@code _SUCCESS}: the offline report of {@code batch --report}. The pipeline knows of it only
 * through this interface (the report is a layer above the pipeline).
 */
public interface Companion {
  /** No companion: writes nothing, and deletes nothing of an earlier run's companion. */
  Companion NONE =
      new Companion() {
        @Override
        public boolean writes(String relative) {
          return false;
        }

        @Override
        public void write(boolean complete) {}
      };

  /**
   * Whether a file of the companion's directory ({@code /}-separated, relative to it) is one the
   * companion writes: what {@code --overwrite} may delete of an earlier run's companion.
   */
  boolean writes(String relative);

  /**
   * Writes the companion's files.
   *
   * @param complete whether the run will be marked finished ({@code _SUCCESS} follows)
   */
  void write(boolean complete);
}
