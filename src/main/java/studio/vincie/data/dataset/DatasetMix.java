package studio.vincie.data.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Mixes prepared datasets into one without copying a session: the output folder holds a manifest and
 * one link per source ({@code d0 -> FIRST}, {@code d1 -> SECOND}, ...), and every entry's path goes
 * through its link. The first dataset gives all its sessions with their splits; each further one adds
 * only its train sessions, listed {@code copies} times (as distinct ids), so a small dataset can be
 * given a larger share of the training steps. Validation and test stay the first dataset's, so a run on
 * the mix reports a validation loss comparable with runs on the first dataset alone.
 *
 * <p>Run: {@code java -cp target/vincie.jar studio.vincie.data.dataset.DatasetMix OUT FIRST [EXTRA:COPIES ...]},
 * e.g. {@code DatasetMix data-mix data-v1600 data-cb:4}. The links are relative when the sources lie
 * beside OUT, so the folders can be moved together.
 */
public final class DatasetMix {

    private DatasetMix() {
    }

    /** One source dataset and how many times its train sessions are listed (the first: its every split, once). */
    public record Source(Path dir, int copies) {

        /** Parses {@code DIR} or {@code DIR:COPIES}. */
        public static Source parse(String arg) {
            int colon = arg.lastIndexOf(':');
            if (colon < 0) {
                return new Source(Path.of(arg), 1);
            }
            int copies;
            try {
                copies = Integer.parseInt(arg.substring(colon + 1));
            } catch (NumberFormatException e) {
                copies = 0;
            }
            if (copies < 1 || copies > 1000) {
                throw new IllegalArgumentException("'" + arg + "': the number after ':' is how many times the "
                        + "dataset's train sessions are listed, a whole number from 1 to 1000, e.g. data-cb:4");
            }
            return new Source(Path.of(arg.substring(0, colon)), copies);
        }
    }

    /**
     * Writes the mix to {@code out} (which must not exist yet) and returns its train session count.
     *
     * @throws IllegalArgumentException when {@code out} exists or the datasets' image sizes differ
     * @throws DatasetFormatException when a source is not a valid dataset
     */
    public static int write(Path out, List<Source> sources) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("give at least one dataset to mix");
        }
        if (Files.exists(out)) {
            throw new IllegalArgumentException(out + " already exists; choose a new folder for the mix");
        }
        List<Dataset> datasets = new ArrayList<>();
        for (Source source : sources) {
            Dataset dataset = Dataset.open(source.dir());
            if (!datasets.isEmpty() && dataset.imageSize() != datasets.get(0).imageSize()) {
                throw new IllegalArgumentException(source.dir() + " has " + dataset.imageSize() + " px images but "
                        + sources.get(0).dir() + " has " + datasets.get(0).imageSize() + "; mix datasets of one image size");
            }
            datasets.add(dataset);
        }
        List<ManifestJson.Entry> entries = new ArrayList<>();
        int train = 0;
        try {
            Files.createDirectories(out);
            for (int k = 0; k < sources.size(); k++) {
                Source source = sources.get(k);
                Dataset dataset = datasets.get(k);
                String link = "d" + k;
                Path target = source.dir().toAbsolutePath().normalize();
                Path parent = out.toAbsolutePath().normalize().getParent();
                Files.createSymbolicLink(out.resolve(link), parent != null && target.startsWith(parent)
                        ? Path.of("..").resolve(parent.relativize(target)) : target);
                for (String split : List.of("train", "val", "test")) {
                    if (k > 0 && !split.equals("train")) {
                        continue;
                    }
                    int copies = k == 0 ? 1 : source.copies();
                    for (String id : dataset.ids(split)) {
                        ManifestJson.Entry e = dataset.entry(id);
                        for (int c = 0; c < copies; c++) {
                            String mixedId = k == 0 ? id : link + "r" + c + "_" + id;
                            entries.add(new ManifestJson.Entry(mixedId, split, link + "/" + e.path(), e.turns(),
                                    e.categories()));
                            if (split.equals("train")) {
                                train++;
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the mix to " + out + ": " + e.getMessage(), e);
        }
        String sourceList = sources.stream().map(src -> src.dir() + ":" + src.copies())
                .collect(Collectors.joining(" "));
        DatasetWriter.writeManifest(out, new ManifestJson(ManifestJson.FORMAT_VERSION, datasets.get(0).imageSize(),
                datasets.get(0).seed(), "studio.vincie.data.dataset.DatasetMix " + out + " " + sourceList, entries));
        return train;
    }

    /** Command line: {@code OUT FIRST [EXTRA[:COPIES] ...]}. */
    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: DatasetMix OUT FIRST [EXTRA[:COPIES] ...]  e.g. DatasetMix data-mix data-v1600 data-cb:4");
            System.exit(2);
        }
        List<Source> sources = new ArrayList<>();
        try {
            for (int i = 1; i < args.length; i++) {
                sources.add(i == 1 ? new Source(Path.of(args[i]), 1) : Source.parse(args[i]));
            }
            int train = write(Path.of(args[0]), sources);
            System.out.println("wrote " + args[0] + ": " + train + " train sessions");
        } catch (IllegalArgumentException | UncheckedIOException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }
}
