package io.heapscope.model.progress;

/** Follows another monitor's cancellation and drops phases and progress: see {@link ProgressMonitor#beside()}. */
record BesideMonitor(ProgressMonitor main) implements ProgressMonitor {
    @Override
    public void beginPhase(String name, long totalWork) {
    }

    @Override
    public void progress(long workDone) {
    }

    @Override
    public boolean isCancelled() {
        return main.isCancelled();
    }
}
