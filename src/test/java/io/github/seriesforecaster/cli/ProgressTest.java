package io.github.seriesforecaster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void plain_aLineAtTheFirstEpochAndEveryTenth() {
    StringWriter text = new StringWriter();
    Progress progress = new Progress(new PrintWriter(text), false, false);
    for (int epoch = 1; epoch <= 20; epoch++) {
      progress.epochEnded(epoch, 20, 0.5 / epoch, SECOND, epoch * SECOND);
    }
    progress.finish();
    assertThat(text.toString().lines()).hasSize(11).first()
        .isEqualTo("epoch 1/20 (5%): loss 0.5000, 0:01 elapsed, at most 0:19 left");
    assertThat(text.toString().lines()).last()
        .isEqualTo("epoch 20/20 (100%): loss 0.02500, 0:20 elapsed, at most 0:00 left");
  }

  @Test
  void terminal_redrawsOneLineAndEndsIt() {
    StringWriter text = new StringWriter();
    Progress progress = new Progress(new PrintWriter(text), true, false);
    progress.epochEnded(1, 300, 0.25, SECOND, 2 * SECOND);
    progress.epochEnded(300, 300, 0.125, SECOND, 600 * SECOND);
    progress.finish();
    assertThat(text.toString()).isEqualTo(
        "\repoch   1/300 [..............................]   0%  loss 0.2500  ETA 9:58 "
            + "\repoch 300/300 [##############################] 100%  loss 0.1250  ETA 0:00 "
            + System.lineSeparator());
  }

  @Test
  void quiet_printsNothing() {
    StringWriter text = new StringWriter();
    Progress progress = new Progress(new PrintWriter(text), true, true);
    progress.epochEnded(1, 3, 0.25, SECOND, SECOND);
    progress.finish();
    assertThat(text.toString()).isEmpty();
  }

  @Test
  void duration_minutesAndHours() {
    assertThat(Progress.duration(7.4)).isEqualTo("0:07");
    assertThat(Progress.duration(750)).isEqualTo("12:30");
    assertThat(Progress.duration(3723)).isEqualTo("1:02:03");
  }
}
