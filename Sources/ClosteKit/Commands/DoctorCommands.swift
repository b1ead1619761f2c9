/// The commands: doctor.
public enum DoctorCommands {
  public static let all: [CommandSpec] = []
}
