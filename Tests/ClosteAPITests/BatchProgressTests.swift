import ClosteAPI
import Diagnostics
import Foundation
import Testing

@Suite struct BatchProgressTests {
  @Test func formatsTheBarAndTheLine() {
    let status = BatchProgress.Status(done: 420, total: 1000, succeeded: 418, failed: 2, seconds: 12)
    #expect(
      BatchProgress.bar(status, width: 10)
        == "[####------]  420/1000  ok 418  failed 2  35.0/s  17s left")
    #expect(BatchProgress.line(status) == "Progress: 420/1000 done (418 ok, 2 failed), 35.0/s, 17s left")
    let done = BatchProgress.Status(done: 1000, total: 1000, succeeded: 1000, failed: 0, seconds: 80)
    #expect(BatchProgress.line(done) == "Progress: 1000/1000 done (1000 ok, 0 failed), 12.5/s, in 1m20s")
  }

  @Test func printsPeriodicLinesWhenNotATerminal() {
    let clock = BatchTestClock()
    let sink = BufferSink()
    let diagnostics = Diagnostics(sink: sink, redactor: SecretRedactor())
    let progress = BatchProgress(total: 80, diagnostics: diagnostics, clock: clock, live: false, lineInterval: 5)
    // Steps of 1/8 s add up exactly (0.1 s steps would not: fifty of them fall short of 5 s).
    for _ in 0..<80 {
      clock.advance(0.125)
      progress.record(success: true)
    }
    progress.finish()
    let lines = sink.text.split(separator: "\n")
    // At 5 s and 10 s, then the last line.
    #expect(lines.count == 3)
    #expect(lines.last == "Progress: 80/80 done (80 ok, 0 failed), 8.0/s, in 10s")
    #expect(!sink.text.contains("\r"))
  }

  @Test func aShortBatchPrintsNothing() {
    let clock = BatchTestClock()
    let sink = BufferSink(isTerminal: true)
    let progress = BatchProgress(
      total: 3, diagnostics: Diagnostics(sink: sink, redactor: SecretRedactor()), clock: clock, live: true)
    for _ in 0..<3 { progress.record(success: true) }
    progress.finish()
    #expect(sink.text.isEmpty)
  }

  @Test func drawsALiveBarOnATerminal() {
    let clock = BatchTestClock()
    let sink = BufferSink(isTerminal: true)
    let progress = BatchProgress(
      total: 50, diagnostics: Diagnostics(sink: sink, redactor: SecretRedactor()), clock: clock, live: true)
    for index in 0..<50 {
      clock.advance(0.06)
      progress.record(success: index != 7)
    }
    progress.finish()
    #expect(sink.text.hasPrefix("\r\u{1B}[K["))
    #expect(sink.text.hasSuffix("50/50  ok 49  failed 1  16.7/s  in 3s\n"))
  }
}
