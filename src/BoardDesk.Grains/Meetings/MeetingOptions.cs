namespace BoardDesk.Meetings;

/// <summary>Settings of meetings (configuration section <c>BoardDesk:Meetings</c>).</summary>
public sealed class MeetingOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "BoardDesk:Meetings";

    /// <summary>
    /// How long after a meeting records that it approves the previous minutes its resume reminder falls due. A reminder
    /// that falls due while the approval is still running waits its turn and finds nothing to do; one that falls due
    /// after a crash (or at the first start after it) finishes the approval.
    /// </summary>
    public TimeSpan ResumeApprovalAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// For crash tests only: when true, approving the previous minutes stops for good once its intent is recorded,
    /// before the earlier meeting is approved, so that a test can kill the process there.
    /// </summary>
    public bool PauseAfterApprovalStarted { get; set; }
}
