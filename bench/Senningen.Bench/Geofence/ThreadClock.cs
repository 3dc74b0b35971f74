using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Senningen.Bench.Geofence;

/// <summary>
/// Wall time and this thread's CPU time (CLOCK_THREAD_CPUTIME_ID) of one measured pass. On a shared machine the wall
/// clock also counts time the thread waited for a core; the CPU time is what one core spent, hence "per core".
/// </summary>
internal sealed partial class ThreadClock
{
    private const int ThreadCpuTimeId = 3;

    private readonly Stopwatch _wall = Stopwatch.StartNew();
    private readonly double _cpuStart = CpuSeconds();

    public (double Wall, double Cpu) Elapsed => (_wall.Elapsed.TotalSeconds, CpuSeconds() - _cpuStart);

    public static bool Available => OperatingSystem.IsLinux();

    private static double CpuSeconds()
    {
        if (!Available || ClockGetTime(ThreadCpuTimeId, out var now) != 0)
        {
            return double.NaN;
        }

        return now.Seconds + (now.Nanoseconds / 1e9);
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec value);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
