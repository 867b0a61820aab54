// Runs EPUBCheck on every file named on the command line in one Java virtual machine,
// so a test suite pays the machine's start-up and the schemas' loading once, not once
// per book. Each file's report is printed between a line "== check FILE" and a line
// "== status N FILE", N being what the epubcheck command would exit with.
// Run with the source launcher, which compiles it on the fly (the JDK compiler is part
// of Debian's Java runtime image): java -cp epubcheck.jar EpubcheckEach.java A.epub ...
// (tests/support/validators.cpp).
import com.adobe.epubcheck.tool.EpubChecker;

public class EpubcheckEach {
  public static void main(String[] files) {
    int worst = 0;
    for (String file : files) {
      System.out.println("== check " + file);
      System.out.flush();
      int status = new EpubChecker().run(new String[] {file});
      System.out.flush();
      System.err.flush();
      System.out.println("== status " + status + " " + file);
      worst = Math.max(worst, status);
    }
    System.exit(worst);
  }
}
