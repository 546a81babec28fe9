package studio.vincie.model.codec;

import java.awt.image.BufferedImage;

/**
 * Pixel-space codec (design.md 3.3): a {@code size x size} image is cut into {@code patch x patch}
 * tiles; each tile is one token of {@code patch*patch*3} values (row, column, channel inside the tile),
 * scaled from [0, 255] to [-1, 1]. Masks use one channel. Lossless up to 8-bit rounding, so what the
 * model commits to its cache equals what the session stores. Masks may use larger patches
 * ({@code maskPatch}, a multiple of {@code patch}) than images.
 */
public final class PatchCodec implements ImageCodec {

    private final int size;
    private final int patch;
    private final int grid;
    private final int maskPatch;
    private final int maskGrid;

    public PatchCodec(int size, int patch, int maskPatch) {
        if (size < 1 || patch < 1 || size % patch != 0 || maskPatch < 1 || size % maskPatch != 0) {
            throw new IllegalArgumentException("image size " + size + " must be a positive multiple of patch " + patch
                    + " and of mask patch " + maskPatch);
        }
        this.size = size;
        this.patch = patch;
        this.grid = size / patch;
        this.maskPatch = maskPatch;
        this.maskGrid = size / maskPatch;
    }

    /** The codec a model config describes. */
    public static PatchCodec of(studio.vincie.model.ModelConfig c) {
        return new PatchCodec(c.imageSize(), c.patchSize(), c.maskPatchSize());
    }

    @Override
    public int maskTokens() {
        return maskGrid * maskGrid;
    }

    @Override
    public int tokens() {
        return grid * grid;
    }

    @Override
    public int imageTokenDim() {
        return patch * patch * 3;
    }

    @Override
    public int maskTokenDim() {
        return maskPatch * maskPatch;
    }

    public int size() {
        return size;
    }

    @Override
    public float[] encodeImage(BufferedImage image) {
        int[] rgb = resized(image).getRGB(0, 0, size, size, null, 0, size);
        float[] out = new float[size * size * 3];
        int dim = imageTokenDim();
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int p = rgb[y * size + x];
                int base = ((y / patch) * grid + x / patch) * dim + ((y % patch) * patch + x % patch) * 3;
                out[base] = ((p >> 16) & 0xFF) / 127.5f - 1f;
                out[base + 1] = ((p >> 8) & 0xFF) / 127.5f - 1f;
                out[base + 2] = (p & 0xFF) / 127.5f - 1f;
            }
        }
        return out;
    }

    @Override
    public BufferedImage decodeImage(float[] values) {
        check(values, size * size * 3, "image");
        int[] rgb = new int[size * size];
        int dim = imageTokenDim();
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int base = ((y / patch) * grid + x / patch) * dim + ((y % patch) * patch + x % patch) * 3;
                rgb[y * size + x] = (CodecImages.toByte(values[base]) << 16)
                        | (CodecImages.toByte(values[base + 1]) << 8) | CodecImages.toByte(values[base + 2]);
            }
        }
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, size, size, rgb, 0, size);
        return img;
    }

    @Override
    public float[] encodeMask(BufferedImage mask) {
        int[] rgb = resized(mask).getRGB(0, 0, size, size, null, 0, size);
        float[] out = new float[size * size];
        int dim = maskTokenDim();
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int p = rgb[y * size + x];
                // Luma of the gray value; masks are grayscale so any channel would do, this tolerates RGB masks.
                int gray = (((p >> 16) & 0xFF) * 299 + ((p >> 8) & 0xFF) * 587 + (p & 0xFF) * 114) / 1000;
                out[maskIndex(x, y, dim)] = gray / 127.5f - 1f;
            }
        }
        return out;
    }

    @Override
    public BufferedImage decodeMask(float[] values) {
        check(values, size * size, "mask");
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
        int[] gray = new int[size * size];
        int dim = maskTokenDim();
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                gray[y * size + x] = CodecImages.toByte(values[maskIndex(x, y, dim)]);
            }
        }
        img.getRaster().setPixels(0, 0, size, size, gray);
        return img;
    }

    private int maskIndex(int x, int y, int dim) {
        return ((y / maskPatch) * maskGrid + x / maskPatch) * dim + (y % maskPatch) * maskPatch + x % maskPatch;
    }

    private void check(float[] values, int expected, String what) {
        if (values.length != expected) {
            throw new IllegalArgumentException(what + " has " + values.length + " values, codec expects " + expected);
        }
    }

    private BufferedImage resized(BufferedImage in) {
        return CodecImages.resized(in, size);
    }
}
