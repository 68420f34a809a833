import { describe, expect, it } from 'vitest';
import { renderJanusConfig, type JanusConfigOptions } from './janus-config';

const BASE: JanusConfigOptions = {
  configsFolder: '/tmp/j/conf',
  pluginsFolder: '/tmp/j/plugins',
  transportsFolder: '/tmp/j/transports',
  emptyFolder: '/tmp/j/none',
  wsHost: '127.0.0.1',
  wsPort: 18188,
  serverName: 'ringside-anchor',
};

describe('renderJanusConfig', () => {
  it('makes a full ICE agent that puts its candidates in the SDP, as Meta needs', () => {
    const core = renderJanusConfig(BASE)['janus.jcfg'];
    expect(core).toContain('\tice_lite = false');
    expect(core).toContain('\tfull_trickle = false');
    expect(core).toContain('\tplugins_folder = "/tmp/j/plugins"');
  });

  it('binds the WebSocket API to the one address and port, with the admin API off', () => {
    const ws = renderJanusConfig(BASE)['janus.transport.websockets.jcfg'];
    expect(ws).toContain('\tws_ip = "127.0.0.1"');
    expect(ws).toContain('\tws_port = 18188');
    expect(ws).toContain('\tadmin_ws = false');
  });

  it('writes the NAT mapping, the interface list and the RTP range only when given', () => {
    const plain = renderJanusConfig(BASE)['janus.jcfg'];
    expect(plain).not.toMatch(/nat_1_1_mapping|ice_enforce_list|rtp_port_range/);
    const cloud = renderJanusConfig({
      ...BASE,
      nat1To1: '203.0.113.7',
      iceEnforceList: 'eth0',
      rtpPortRange: { min: 20000, max: 20999 },
    })['janus.jcfg'];
    expect(cloud).toContain('\tnat_1_1_mapping = "203.0.113.7"');
    expect(cloud).toContain('\tice_enforce_list = "eth0"');
    expect(cloud).toContain('\trtp_port_range = "20000-20999"');
  });

  it('refuses values that would break the file', () => {
    expect(() => renderJanusConfig({ ...BASE, serverName: 'a"b' })).toThrow(/jcfg string/);
    expect(() => renderJanusConfig({ ...BASE, rtpPortRange: { min: 30000, max: 20000 } })).toThrow(
      /not a range/,
    );
  });
});
