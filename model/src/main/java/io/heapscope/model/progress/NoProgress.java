package io.heapscope.model.progress;

enum NoProgress implements ProgressMonitor {
    INSTANCE;

    @Override
    public void beginPhase(String name, long totalWork) {
    }

    @Override
    public void progress(long workDone) {
    }

    @Override
    public boolean isCancelled() {
        return false;
    }
}
