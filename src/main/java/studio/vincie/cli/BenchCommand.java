package studio.vincie.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import studio.vincie.bench.BenchModels;
import studio.vincie.bench.BenchPlot;
import studio.vincie.bench.BenchReport;
import studio.vincie.bench.BenchReportWriter;
import studio.vincie.bench.BenchRunner;
import studio.vincie.bench.BenchSession;
import studio.vincie.bench.JudgeTolerances;
import studio.vincie.bench.StudioBenchSessions;
import studio.vincie.bench.TurnJudge;
import studio.vincie.bench.TurnOutcome;
import studio.vincie.data.pipeline.Progress;
import studio.vincie.model.EditModel;

/**
 * {@code vincie bench}: the multi-turn editing benchmark. Generates held-out studio sessions, runs the
 * model turn after turn on its own outputs, judges every turn against exact ground truth, prints a
 * table and writes JSON (and optionally a PNG plot).
 */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
        description = {"Multi-turn editing benchmark on held-out studio sessions, judged against exact ground truth.",
                "Example: vincie bench --model oracle --sessions 100 --turns 5 --seed 1 --json bench.json"})
public final class BenchCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(BenchCommand.class);

    @Option(names = "--model", required = true, paramLabel = "PATH|oracle|identity|oracle-blur:SIGMA|oracle-noise:AMOUNT|oracle-codec:DIR",
            description = "A model folder, 'oracle' (returns the ground truth), 'identity' (returns its input), 'oracle-blur:SIGMA' (ground truth blurred, to calibrate the judge), 'oracle-noise:AMOUNT' (ground truth plus uniform noise of +-AMOUNT of 255, likewise) or 'oracle-codec:DIR' (ground truth through a learned codec: its ceiling).")
    String model;

    @Option(names = "--sessions", defaultValue = "100", description = "Number of sessions (default ${DEFAULT-VALUE}).")
    int sessions;

    @Option(names = "--turns", defaultValue = "5", description = "Turns per session (default ${DEFAULT-VALUE}).")
    int turns;

    @Option(names = "--seed", defaultValue = "1", description = "Selects the session set (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--masks", defaultValue = "none", paramLabel = "none|given",
            description = "'given' passes the ground-truth current region as the user mask (default ${DEFAULT-VALUE}).")
    String masks;

    @Option(names = "--size", defaultValue = "128", description = "Frame size in pixels (default ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--steps", description = "Sampler steps (default: the model's).")
    Integer steps;

    @Option(names = "--guidance", description = "Guidance scale (default: the model's).")
    Float guidance;

    @Option(names = "--predict-masks",
            description = "Segmentation-first editing: the model predicts the edit regions (Ck, Nk) before the image, so mask IoU can be scored.")
    boolean predictMasks;

    @Mixin
    DeviceOption device;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the report as JSON.")
    Path json;

    @Option(names = "--plot", paramLabel = "FILE", description = "Draw the report as a PNG.")
    Path plot;

    @Option(names = "--details", paramLabel = "FILE",
            description = "Write every turn's verdict with the reasons it failed as JSON.")
    Path details;

    @Override
    public Integer call() {
        try {
            validate();
            long start = System.nanoTime();
            List<BenchSession> set = StudioBenchSessions.generate(seed, sessions, turns, size);
            try (EditModel editModel = new BenchModels().open(model, device.device())) {
                var info = editModel.info();
                if (predictMasks) {
                    if (!editModel.supportsRegionPrediction()) {
                        throw new IllegalArgumentException("--predict-masks: the model '" + model
                                + "' cannot predict edit regions; drop the flag");
                    }
                    editModel.setRegionPrediction(true);
                }
                BenchRunner.Options options = new BenchRunner.Options(masks.equals("given"),
                        steps != null ? steps : info.defaultSteps(), guidance != null ? guidance : info.defaultGuidance(),
                        seed);
                TurnJudge judge = new TurnJudge(JudgeTolerances.DEFAULT);
                List<TurnOutcome> outcomes;
                try (Progress bar = new Progress("bench " + info.id(), set.size(), true)) {
                    outcomes = new BenchRunner(editModel, judge, options).run(set, s -> bar.step());
                }
                double wall = (System.nanoTime() - start) / 1e9;
                BenchReport report = BenchReport.summarize(outcomes, turns,
                        new BenchReport.RunInfo(info.id(), masks, seed, size, wall));
                BenchReportWriter.printTable(report, System.out);
                if (json != null) {
                    BenchReportWriter.writeJson(report, judge.tolerances(), json);
                    System.out.println("JSON written to " + json);
                }
                if (details != null) {
                    BenchReportWriter.writeDetails(outcomes, details);
                    System.out.println("Turn details written to " + details);
                }
                if (plot != null) {
                    BenchPlot.write(report, plot);
                    System.out.println("Plot written to " + plot);
                }
            }
            return 0;
        } catch (IllegalArgumentException | studio.vincie.model.io.ModelLoadException e) {
            return CliErrors.error(LOG, "bench", e.getMessage(), e);
        } catch (java.io.IOException e) {
            return CliErrors.error(LOG, "bench", "cannot write the report: " + e.getMessage(), e);
        } catch (Exception e) {
            return CliErrors.failed(LOG, "bench", e);
        }
    }

    private void validate() {
        if (sessions < 1) {
            throw new IllegalArgumentException("--sessions must be at least 1, was " + sessions);
        }
        if (turns < 1 || turns > 10) {
            throw new IllegalArgumentException("--turns must be between 1 and 10, was " + turns);
        }
        if (size < 32 || size > 1024) {
            throw new IllegalArgumentException("--size must be between 32 and 1024 pixels, was " + size);
        }
        if (steps != null && steps < 1) {
            throw new IllegalArgumentException("--steps must be at least 1, was " + steps);
        }
        if (guidance != null && !(guidance >= 0)) {
            throw new IllegalArgumentException("--guidance must be >= 0, was " + guidance);
        }
        if (!masks.equals("none") && !masks.equals("given")) {
            throw new IllegalArgumentException("--masks must be 'none' or 'given', was '" + masks + "'");
        }
    }
}
