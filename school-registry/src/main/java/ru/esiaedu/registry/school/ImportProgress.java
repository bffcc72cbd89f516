package ru.esiaedu.registry.school;

/** Told as rows are planned or written, for a progress indicator on large files. */
@FunctionalInterface
public interface ImportProgress {

    ImportProgress NONE = (done, total) -> { };

    void rowsDone(int done, int total);
}
