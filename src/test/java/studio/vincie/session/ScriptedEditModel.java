package studio.vincie.session;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import studio.vincie.model.Cancellation;
import studio.vincie.model.EditModel;
import studio.vincie.model.EditProgress;
import studio.vincie.model.EditRequest;
import studio.vincie.model.EditResult;
import studio.vincie.model.ModelInfo;

/**
 * A scripted stand-in for the transformer, for tests only: each edit fills the user mask (or, without
 * one, a fixed square) of the current image with a color derived from the instruction, reports
 * {@code steps} progress ticks and honours cancellation. It records every request, so tests can check
 * what context the controller passed. Optionally blocks at a latch so tests can observe a running job.
 */
public final class ScriptedEditModel implements EditModel {

    private final List<EditRequest> requests = new ArrayList<>();
    private volatile CountDownLatch gate;

    public List<EditRequest> requests() {
        return requests;
    }

    /** Makes the next edits wait at their first step until {@link #release()}. */
    public void holdAtFirstStep() {
        gate = new CountDownLatch(1);
    }

    public void release() {
        CountDownLatch g = gate;
        if (g != null) {
            g.countDown();
        }
    }

    @Override
    public ModelInfo info() {
        return new ModelInfo("scripted-fake", "Scripted fake", "tests", 4, 1.0f);
    }

    @Override
    public EditResult edit(EditRequest request, EditProgress progress, Cancellation cancellation) {
        synchronized (requests) {
            requests.add(request);
        }
        for (int step = 1; step <= request.steps(); step++) {
            cancellation.check();
            CountDownLatch g = gate;
            if (step == 1 && g != null) {
                try {
                    while (!g.await(10, TimeUnit.MILLISECONDS)) {
                        cancellation.check();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.util.concurrent.CancellationException("interrupted");
                }
            }
            progress.step(step, request.steps());
        }
        BufferedImage in = request.currentImage();
        BufferedImage region = request.userMask() != null ? request.userMask() : defaultRegion(in);
        BufferedImage out = new BufferedImage(in.getWidth(), in.getHeight(), BufferedImage.TYPE_INT_RGB);
        int fill = colorFor(request.instruction()).getRGB();
        for (int y = 0; y < in.getHeight(); y++) {
            for (int x = 0; x < in.getWidth(); x++) {
                boolean inside = (region.getRaster().getSample(x, y, 0) & 0xff) > 127;
                out.setRGB(x, y, inside ? fill : in.getRGB(x, y));
            }
        }
        return new EditResult(out, region, region);
    }

    /** The color an instruction paints with, so tests can predict pixels. */
    public static Color colorFor(String instruction) {
        int h = instruction.hashCode();
        return new Color((h >> 16) & 0xff, (h >> 8) & 0xff, h & 0xff);
    }

    private static BufferedImage defaultRegion(BufferedImage in) {
        BufferedImage mask = new BufferedImage(in.getWidth(), in.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = mask.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(in.getWidth() / 4, in.getHeight() / 4, in.getWidth() / 2, in.getHeight() / 2);
        g.dispose();
        return mask;
    }
}
