export type { ReceivedMail } from '../email/smtp-receiver.js';
export { startHttpPeer, type HttpPeer, type HttpPeerOptions, type PeerReply, type ReceivedRequest } from './http-peer.js';
export { generateVapidKeys, startPushServicePeer, type PushServicePeer, type ReceivedPush } from './push-service-peer.js';
export { startSmtpPeer, type PeerMail, type SmtpPeer } from './smtp-peer.js';
export { startTwilioPeer, type SignedTwilioRequest, type TwilioPeer, type TwilioPeerMessage, type TwilioPeerOptions } from './twilio-peer.js';
