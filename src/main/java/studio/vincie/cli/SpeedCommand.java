package studio.vincie.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import studio.vincie.bench.speed.SpeedBenchmark;
import studio.vincie.bench.speed.SpeedPlot;
import studio.vincie.bench.speed.SpeedResult;

/**
 * {@code vincie speed}: the speed benchmark of issue 3. Edits a synthetic session turn by turn with
 * and without the KV cache, prints a table and writes JSON.
 * Example: {@code java -jar target/vincie.jar speed --config base --turns 5 --json out.json}.
 */
@Command(name = "speed", mixinStandardHelpOptions = true,
        description = "Measure edit latency per turn with and without the KV cache (table + JSON).")
public final class SpeedCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(SpeedCommand.class);

    @Option(names = "--config", defaultValue = "base", description = "Model preset: tiny, small or base (default ${DEFAULT-VALUE}).")
    String config;

    @Option(names = "--turns", defaultValue = "5", description = "Turns to edit (default ${DEFAULT-VALUE}).")
    int turns;

    @Option(names = "--steps", defaultValue = "0", description = "Euler steps per edit (default: the preset's).")
    int steps;

    @Option(names = "--guidance", description = "Guidance scale (default: the preset's).")
    Float guidance;

    @Mixin
    DeviceOption device;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of weights, session and noise.")
    long seed;

    @Option(names = "--threads", defaultValue = "0",
            description = "PyTorch intra-op threads (default: cores - 1, at least 1).")
    int threads;

    @Option(names = "--repeats", defaultValue = "3",
            description = "Cached edits per turn; the median is reported (default ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--no-uncached", description = "Skip the full-recomputation baseline (much faster).")
    boolean noUncached;

    @Option(names = "--json", description = "Write the results to this JSON file.")
    Path json;

    @Option(names = "--plot", description = "Draw ms per turn, cached and uncached, to this PNG file.")
    Path plot;

    @Override
    public Integer call() {
        try {
            SpeedResult r = SpeedBenchmark.run(new SpeedBenchmark.Options(config, turns, steps,
                    guidance == null ? Float.NaN : guidance, seed, device.device(), !noUncached, threads, repeats));
            print(r);
            if (json != null) {
                SpeedBenchmark.writeJson(r, json);
                System.out.println("wrote " + json);
            }
            if (plot != null) {
                SpeedPlot.write(r, plot);
                System.out.println("wrote " + plot);
            }
            return 0;
        } catch (IllegalArgumentException e) {
            return CliErrors.error(LOG, "speed", e.getMessage(), e);
        } catch (IOException e) {
            return CliErrors.error(LOG, "speed", "cannot write the results: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // e.g. the engine failing mid-run: not the user's input, so exit 1 as before
            return CliErrors.failed(LOG, "speed", e);
        }
    }

    private static void print(SpeedResult r) {
        System.out.printf(Locale.ROOT, "config %s, %,d parameters, device %s, %d intra-op threads, %d steps, guidance %.1f, "
                + "load average at start %.2f%n", r.config(), r.parameters(), r.device(), r.threads(), r.steps(),
                r.guidance(), r.loadAverage());
        System.out.printf(Locale.ROOT, "%4s %8s %12s %14s %11s %9s%n", "turn", "context", "cached ms", "uncached ms",
                "ms/step", "speedup");
        for (SpeedResult.Turn t : r.turns()) {
            System.out.printf(Locale.ROOT, "%4d %8d %12.0f %14.0f %11.1f %8.1fx%n", t.turn(), t.contextTokens(),
                    t.cachedMs(), t.uncachedMs(), t.msPerStep(), t.uncachedMs() / t.cachedMs());
        }
        System.out.printf(Locale.ROOT, "matmul %.1f GFLOP/s, model achieved %.1f GFLOP/s (%.0f%%), peak RSS %.0f MB cached edits, "
                + "%.0f MB with the uncached baseline%n", r.matmulGflops(), r.achievedGflops(),
                100 * r.achievedGflops() / r.matmulGflops(), r.peakRssMb(), r.peakRssAllMb());
    }
}
