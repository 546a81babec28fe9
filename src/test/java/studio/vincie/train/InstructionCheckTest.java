package studio.vincie.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The instruction check swaps the target colour of a recolor instruction (the last colour word). */
class InstructionCheckTest {

    @Test
    void swapsTheLastColourWordForAnother() {
        assertThat(InstructionCheck.swapTargetColour("Make the black cross orange"))
                .isEqualTo("Make the black cross yellow");
        assertThat(InstructionCheck.swapTargetColour("Paint the lower pentagon gray."))
                .isEqualTo("Paint the lower pentagon red.");
        assertThat(InstructionCheck.swapTargetColour("Move the circle left")).isNull();
        // never a colour the instruction already names (brown's next colour, black, is the object's)
        assertThat(InstructionCheck.swapTargetColour("Make the black cross brown"))
                .isEqualTo("Make the black cross white");
    }
}
