// A stand-in worker for cluster-purge.test.ts: relays what it hears to the test over IPC.
import { ClusterPurgeChannel } from '../../../src/cache/cluster-purge-channel.js'

const channel = new ClusterPurgeChannel()
channel.listen((tags) => process.send?.({ type: 'heard', pid: process.pid, tags }))
process.on('message', (message: { type?: string; tags?: string[] }) => {
  if (message.type === 'purge-now') channel.publish(message.tags ?? [])
  if (message.type === 'exit') process.exit(0)
})
process.send?.({ type: 'ready', pid: process.pid })
