package studio.vincie.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Summary of a benchmark run. {@code successAt[k-1]} is the fraction of sessions whose turns 1..k all
 * succeeded; per-turn lists are indexed by turn - 1; {@code null} entries mean "no data" (e.g. a model
 * that predicts no masks has null mask IoUs).
 *
 * @param followRate      per turn: fraction of turns that follow the instruction (judged on their own)
 * @param consistentRate  per turn: fraction of turns that are consistent (judged on their own)
 * @param editRecall      per turn: mean share of the pixels the edit changes that moved towards the
 *                        ground truth ({@link TurnVerdict#changeRecall()}), partial credit below success
 * @param perCategory     edit category to its statistics
 * @param highFrequencyExcess per turn: mean of the output's high-frequency energy minus the ground
 *                        truth's ({@link ImageMetrics#highFrequency}, 0..255; above 0 = noisier)
 * @param currentMaskIou  per turn mean IoU of the predicted current-region mask, or null entries
 * @param nextMaskIou     per turn mean IoU of the predicted next-region mask, or null entries
 * @param modelSecondsPerTurn mean time of one model call
 */
public record BenchReport(String model, String masks, long seed, int sessions, int turns, int imageSize,
                          List<Double> successAt, List<Double> followRate, List<Double> consistentRate, List<Double> editRecall,
                          Map<String, CategoryStats> perCategory, List<Double> l1, List<Double> psnr,
                          List<Double> highFrequencyExcess,
                          List<Double> currentMaskIou, List<Double> nextMaskIou,
                          double modelSecondsPerTurn, double wallSeconds) {

    /**
     * Statistics of one edit category. {@code successAt[k-1]}: among sessions whose turn k has this
     * category, the fraction that succeeded at turns 1..k (null when no session has it at turn k).
     *
     * @param turnSuccess fraction of this category's turns that succeeded, judged on their own
     */
    public record CategoryStats(int count, double turnSuccess, List<Double> successAt) {
    }

    /** Describes the run a report summarises. */
    public record RunInfo(String model, String masks, long seed, int imageSize, double wallSeconds) {
    }

    public static BenchReport summarize(List<TurnOutcome> outcomes, int turns, RunInfo info) {
        Map<String, List<TurnOutcome>> bySession = new LinkedHashMap<>();
        for (TurnOutcome o : outcomes) {
            bySession.computeIfAbsent(o.sessionId(), id -> new ArrayList<>()).add(o);
        }
        int[] chainSuccess = new int[turns];
        int[] chainTotal = new int[turns];
        Map<String, int[][]> categoryChain = new TreeMap<>();
        Map<String, int[]> categoryTurns = new TreeMap<>();
        for (List<TurnOutcome> session : bySession.values()) {
            boolean alive = true;
            for (TurnOutcome o : session) {
                int k = o.turn() - 1;
                alive = alive && o.verdict().succeeded();
                chainTotal[k]++;
                int[][] chain = categoryChain.computeIfAbsent(o.category(), c -> new int[2][turns]);
                chain[1][k]++;
                if (alive) {
                    chainSuccess[k]++;
                    chain[0][k]++;
                }
                int[] single = categoryTurns.computeIfAbsent(o.category(), c -> new int[2]);
                single[1]++;
                if (o.verdict().succeeded()) {
                    single[0]++;
                }
            }
        }
        Map<String, CategoryStats> perCategory = new LinkedHashMap<>();
        for (Map.Entry<String, int[][]> e : categoryChain.entrySet()) {
            int[] single = categoryTurns.get(e.getKey());
            perCategory.put(e.getKey(), new CategoryStats(single[1], single[0] / (double) single[1],
                    ratios(e.getValue()[0], e.getValue()[1])));
        }
        return new BenchReport(info.model(), info.masks(), info.seed(), bySession.size(), turns, info.imageSize(),
                ratios(chainSuccess, chainTotal),
                perTurnMean(outcomes, turns, o -> o.verdict().follows() ? 1.0 : 0.0),
                perTurnMean(outcomes, turns, o -> o.verdict().consistent() ? 1.0 : 0.0),
                perTurnMean(outcomes, turns, o -> o.verdict().changeRecall()),
                perCategory,
                perTurnMean(outcomes, turns, TurnOutcome::l1),
                perTurnMean(outcomes, turns, TurnOutcome::psnr),
                perTurnMean(outcomes, turns, TurnOutcome::highFrequencyExcess),
                perTurnMean(outcomes, turns, TurnOutcome::currentMaskIou),
                perTurnMean(outcomes, turns, TurnOutcome::nextMaskIou),
                outcomes.stream().mapToDouble(TurnOutcome::modelSeconds).average().orElse(0),
                info.wallSeconds());
    }

    /** Whether the model predicted region masks at all. */
    public boolean hasMasks() {
        return currentMaskIou.stream().anyMatch(v -> v != null) || nextMaskIou.stream().anyMatch(v -> v != null);
    }

    private static List<Double> ratios(int[] hits, int[] totals) {
        List<Double> out = new ArrayList<>();
        for (int k = 0; k < hits.length; k++) {
            out.add(totals[k] == 0 ? null : hits[k] / (double) totals[k]);
        }
        return Collections.unmodifiableList(out);
    }

    private static List<Double> perTurnMean(List<TurnOutcome> outcomes, int turns,
                                            java.util.function.Function<TurnOutcome, Double> metric) {
        double[] sum = new double[turns];
        int[] count = new int[turns];
        for (TurnOutcome o : outcomes) {
            Double v = metric.apply(o);
            if (v != null) {
                sum[o.turn() - 1] += v;
                count[o.turn() - 1]++;
            }
        }
        List<Double> out = new ArrayList<>();
        for (int k = 0; k < turns; k++) {
            out.add(count[k] == 0 ? null : sum[k] / count[k]);
        }
        return Collections.unmodifiableList(out);
    }
}
