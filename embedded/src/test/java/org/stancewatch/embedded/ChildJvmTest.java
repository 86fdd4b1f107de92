package org.stancewatch.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class ChildJvmTest {
    @TempDir
    Path dir;

    /** A stand-in server: says hello, then waits forever. */
    public static final class ForeverMain {
        public static void main(String[] args) throws InterruptedException {
            System.out.println("hello " + String.join(" ", args));
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    /** A stand-in tool that fails. */
    public static final class FailingMain {
        public static void main(String[] args) {
            System.out.println("cannot format: bad config");
            System.exit(3);
        }
    }

    private ChildJvm.Spec spec(Class<?> main) {
        return new ChildJvm.Spec("test server", List.of(ServerJars.codeLocationOf(ChildJvmTest.class)), List.of(),
                main.getName(), List.of("-Xmx32m"), List.of("from", "parent"), dir.resolve("child.log"));
    }

    @Test
    void closingTheChildsInputStopsItAndItsOutputIsInTheLog() throws Exception {
        ChildJvm child = ChildJvm.start(spec(ForeverMain.class));
        awaitHello();

        child.stop(Duration.ofSeconds(20));

        assertThat(child.isAlive()).isFalse();
        assertThat(Files.readString(dir.resolve("child.log")))
                .contains("hello from parent", "standard input closed");
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void ctrlCInATerminalLeavesTheChildToItsParentButSigtermStopsIt() throws Exception {
        ChildJvm child = ChildJvm.start(spec(ForeverMain.class));
        awaitHello();

        signal("INT", child.pid());
        Thread.sleep(1000);
        assertThat(child.isAlive()).as("alive after SIGINT").isTrue();

        signal("TERM", child.pid());
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !child.isAlive());
    }

    private void awaitHello() {
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> Files.readString(dir.resolve("child.log")).contains("hello from parent"));
    }

    private static void signal(String name, long pid) throws Exception {
        assertThat(new ProcessBuilder("kill", "-" + name, Long.toString(pid)).start().waitFor()).isZero();
    }

    @Test
    void aToolThatFailsReportsItsExitCodeAndTheEndOfItsLog() {
        assertThatThrownBy(() -> ChildJvm.run(spec(FailingMain.class), Duration.ofSeconds(30)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exit code 3")
                .hasMessageContaining("cannot format: bad config");
    }
}
